// Reads one JSON string per line (a pattern, then requests after a tab-free JSON array) and answers with RE2's verdict.
// Input lines: {"pattern": "...", "requests": ["/", ...]}. Output lines: {"ok": true, "matches": [..]} or {"ok": false, "error": "..."}.
const { RE2 } = require('re2-wasm');
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on('line', (line) => {
  const { pattern, requests } = JSON.parse(line);
  let answer;
  try {
    const re = new RE2(pattern, 'u');
    answer = { ok: true, matches: requests.filter((r) => re.test(r)) };
  } catch (e) {
    answer = { ok: false, error: String(e && e.message || e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
});

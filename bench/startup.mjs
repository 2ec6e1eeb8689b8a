// Start-up of build/Code.js: compile + run in a fresh V8 context, measured in a process of its own so
// that the benchmark's other work (its heap, its garbage) does not land inside the timings. Like Apps
// Script's runtime, the process is warm and each run gets a new context and a source V8 has not
// compiled before. Prints JSON.
//   node bench/startup.mjs build/Code.js [runs] [part.html …]
// A part given after the runs (a server part loaded on first use, the text of a function body) is
// compiled and run in the same context after Code.js, inside the timing: what an execution that
// loads it pays in all.
import { readFileSync } from "node:fs";
import vm from "node:vm";

const code = readFileSync(process.argv[2], "utf8");
const runs = Number(process.argv[3] ?? 200);
const parts = process.argv.slice(4).map((file) => `(function(){${readFileSync(file, "utf8")}})();`);
const times = [];
for (let i = 0; i < runs + 10; i++) {
  const context = vm.createContext({});
  // A distinct file name per run keeps V8 from reusing a compiled script across runs.
  const t0 = performance.now();
  new vm.Script(code, { filename: `Code-${i}.js` }).runInContext(context);
  for (const [p, part] of parts.entries())
    new vm.Script(part, { filename: `Part-${p}-${i}.js` }).runInContext(context);
  const t1 = performance.now();
  if (i >= 10) times.push(t1 - t0);
}
console.log(JSON.stringify({ runs, samples: times }));

// google.script.run: which server functions a page can call and what crosses between them.
import type { ContractCase, Json } from "../case";

const COMMUNICATION = "https://developers.google.com/apps-script/guides/html/communication";

const SERVER = `
function echo(a, b) { return { count: arguments.length, first: a === undefined ? "undefined" : a, second: b === undefined ? "undefined" : b }; }
function secret_() { return "private"; }
function today() { return new Date(); }
function list() { return [1, undefined, "x"]; }
`;

export const clientCases: ContractCase[] = [
  {
    id: "client.arguments-are-what-the-page-passed",
    behaviour:
      "A function called through google.script.run gets no event object: its arguments are what the page passed, copied",
    source: `${COMMUNICATION}#parameters_and_return_values`,
    covers: [],
    reads: ["google.script.run"],
    script: SERVER,
    manual:
      "From a sidebar call google.script.run.withSuccessHandler(console.log).echo() and .echo({a:1}, [2]).",
    run(_gas, world) {
      const none = world.runFromClient("echo", []);
      const some = world.runFromClient("echo", [{ a: 1 }, [2]]);
      return [none.ok ? (none.value as Json) : none.error, some.ok ? (some.value as Json) : some.error];
    },
    expected: [
      { count: 0, first: "undefined", second: "undefined" },
      { count: 2, first: { a: 1 }, second: [2] },
    ],
  },
  {
    id: "client.private-functions-are-not-callable",
    behaviour: "A function whose name ends with an underscore cannot be called from google.script.run",
    source: `${COMMUNICATION}#private_functions`,
    covers: [],
    reads: ["google.script.run"],
    script: SERVER,
    manual: "google.script.run.secret_() fails in the page: it is not a function.",
    run(_gas, world) {
      const r = world.runFromClient("secret_", []);
      return r.ok ? "called" : r.error;
    },
    expected: "TypeError: google.script.run.secret_ is not a function",
  },
  {
    id: "client.dates-and-functions-do-not-cross",
    behaviour:
      "A Date or a function, even nested in an object or array, makes the call fail, whether sent by the page or returned by the server",
    source: `${COMMUNICATION}#parameters_and_return_values`,
    note: '"Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited type, including prohibited types inside objects or arrays."',
    covers: [],
    reads: ["google.script.run"],
    script: SERVER,
    manual:
      "Call echo(new Date()), echo({ when: new Date() }), echo([() => 1]) and today() from a page: each fails.",
    run(_gas, world) {
      const fails = (r: { ok: boolean }) => (r.ok ? "passed" : "failed");
      return [
        fails(world.runFromClient("echo", [new Date()])),
        fails(world.runFromClient("echo", [{ when: new Date() }])),
        fails(world.runFromClient("echo", [[() => 1]])),
        fails(world.runFromClient("today", [])),
      ];
    },
    expected: ["failed", "failed", "failed", "failed"],
  },
  {
    id: "client.undefined-in-arrays-becomes-null",
    behaviour: "undefined inside an array arrives as null (both ways); an undefined object field is dropped",
    source: `${COMMUNICATION}#parameters_and_return_values`,
    note: '"undefined fields within arrays become null"',
    covers: [],
    reads: ["google.script.run"],
    script: SERVER,
    manual: "Call echo([1, undefined]) and list() from a page and log what arrives.",
    run(_gas, world) {
      const sent = world.runFromClient("echo", [[1, undefined], { a: undefined, b: 2 }]);
      const returned = world.runFromClient("list", []);
      return [
        sent.ok ? (sent.value as Json) : sent.error,
        returned.ok ? (returned.value as Json) : returned.error,
      ];
    },
    expected: [{ count: 2, first: [1, null], second: { b: 2 } }, [1, null, "x"]],
  },
];

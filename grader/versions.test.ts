// runtime/versions.py on the grader's Python: what the guard's change
// detection relies on (a namespace's version is renewed by every change and
// by nothing else, and is read without the student's code answering).
import { execFileSync } from "node:child_process";
import { expect, it } from "vitest";
import { PYTHON } from "./sandbox/sandbox";
import { PYTHON_DIRECTORY } from "./spawn";

const probe = `
import ctypes, json, sys
sys.path.insert(0, ${JSON.stringify(PYTHON_DIRECTORY)})
from awaitable.runtime import versions

d = {"a": 1}
view = versions.view(d)
seen = {}
def mark(name):
    seen[name] = versions.current(view)
mark("start")
d.get("a"); list(d.items()); len(d)
mark("read")
d["a"] = d["a"]
mark("same value")
d["a"] = object()
mark("new value")
d["b"] = 2
mark("insert")
del d["b"]
mark("delete")
d.update(c=3)
mark("update")

class Target:
    def method(self):
        return 1
class_view = versions.view(vars(Target))
before = versions.current(class_view)
Target.method = lambda self: 2
after = versions.current(class_view)

# A property on the ctypes class the views are made of never answers for them.
kind = type(view)
kind.value = property(lambda self: 42)
blinded = versions.read(view)
print(json.dumps({"available": versions.AVAILABLE, "seen": seen, "classChanged": before != after,
                  "blinded": blinded, "attribute": view.value}))
`;

it("a namespace's version changes with every change of it and nothing else, and reads past the student's properties", () => {
  const result = JSON.parse(execFileSync(PYTHON, ["-I", "-S", "-c", probe], { encoding: "utf8" })) as {
    available: boolean;
    seen: Record<string, number>;
    classChanged: boolean;
    blinded: number;
    attribute: number;
  };
  expect(result.available).toBe(true);
  const { seen } = result;
  expect(seen.read).toBe(seen.start);
  expect(seen["same value"]).toBe(seen.start);
  const changes = [seen.start, seen["new value"], seen.insert, seen.delete, seen.update];
  expect(new Set(changes).size).toBe(changes.length);
  expect(result.classChanged).toBe(true);
  expect(result.attribute).toBe(42); // the property answers an attribute read...
  expect(result.blinded).toBe(seen.update); // ...but not the C getter the guard uses
});


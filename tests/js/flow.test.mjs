// How a journey led by the server (enrolment, lost password) follows its answers, without a page:
// the screens are recorded instead of shown, and the API is a stub.
import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { busyRetries, request } from "../../Gateway/wwwroot/js/api.js";
import { Flow } from "../../Gateway/wwwroot/js/flow.js";

const realFetch = globalThis.fetch;
afterEach(() => { globalThis.fetch = realFetch; });

/** The API answers `status` with `body` to every request, and remembers the addresses asked. */
function answerWith(status, body) {
  const asked = [];
  globalThis.fetch = async (url) => {
    asked.push(url);
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  };
  return asked;
}

function memoryStore(value = null) {
  return { value, load() { return this.value; }, save(v) { this.value = v; }, clear() { this.value = null; } };
}

function recordingFlow(store = memoryStore()) {
  const shown = [];
  const screen = (name) => (_flow, options) => shown.push({ name, ...options });
  const flow = new Flow({
    screens: { request: screen("request"), "enter-code": screen("enter-code"), completed: screen("completed") },
    first: "request",
    ends: ["completed"],
    api: "/api/things",
    idKey: "thingId",
    store,
    context: "reset",
    overCodes: ["thing-expired"],
    overMessage: () => "start again",
  });
  return { flow, shown, store };
}

const form = { querySelectorAll: () => [], setAttribute() {}, removeAttribute() {} };
const alert = { clear() {}, show() {} };

describe("a flow", () => {
  it("starts on its first screen when the tab holds no journey", async () => {
    const { flow, shown } = recordingFlow();
    await flow.resume();
    assert.deepEqual(shown.map((s) => s.name), ["request"]);
  });

  it("comes back after a reload to the step the server holds, keeping only the id in the tab", async () => {
    const asked = answerWith(200, { step: "enter-code", maskedPhone: "06 ** ** ** 78", codeLength: 8 });
    const { flow, shown, store } = recordingFlow(memoryStore({ thingId: "t1" }));
    await flow.resume();
    assert.deepEqual(asked, ["/api/things/t1"]);
    assert.equal(shown.at(-1).name, "enter-code");
    assert.equal(flow.view.codeLength, 8);
    assert.deepEqual(store.value, { thingId: "t1" });
    assert.equal(flow.url("code"), "/api/things/t1/code");
  });

  it("follows a success to the next step, and forgets the journey at its end", async () => {
    const { flow, shown, store } = recordingFlow();
    answerWith(200, { thingId: "t2", step: "enter-code" });
    await flow.act(form, alert, [], () => request("POST", "/api/things", {}));
    assert.deepEqual(store.value, { thingId: "t2" });
    answerWith(200, { step: "completed" });
    await flow.act(form, alert, [], () => request("POST", flow.url("code"), {}));
    assert.deepEqual(shown.map((s) => s.name), ["enter-code", "completed"]);
    assert.equal(store.value, null);
  });

  it("starts again, saying why, when the server no longer holds the journey", async () => {
    const { flow, shown, store } = recordingFlow(memoryStore({ thingId: "t3" }));
    answerWith(404, { code: "thing-expired" });
    const problem = await flow.act(form, alert, [], () => request("POST", "/api/things/t3/code", {}));
    assert.equal(problem.code, "thing-expired");
    assert.equal(shown.at(-1).name, "request");
    assert.equal(shown.at(-1).notice, "start again");
    assert.equal(store.value, null);
  });

  it("shows the step the server names when a step was already passed", async () => {
    const { flow, shown } = recordingFlow();
    answerWith(409, { code: "wrong-step", step: "enter-code" });
    await flow.act(form, alert, [], () => request("POST", "/api/things/t4/x", {}));
    assert.equal(shown.at(-1).name, "enter-code");
    assert.equal(shown.at(-1).noticeKind, "info");
  });

  it("goes back to the screen seen before, or to the first one after a reload", async () => {
    const { flow, shown } = recordingFlow();
    flow.show("request");
    flow.show("enter-code");
    flow.back("enter-code");
    assert.equal(shown.at(-1).name, "request");
    const reloaded = recordingFlow();
    reloaded.flow.show("enter-code");
    reloaded.flow.back("enter-code");
    assert.equal(reloaded.shown.at(-1).name, "request");
  });
});

describe("a busy server", () => {
  const realWait = busyRetries.wait;
  afterEach(() => { busyRetries.wait = realWait; });

  /** The API answers each request with the next of `answers` ([status, body]); the waits asked are recorded. */
  function answersInTurn(...answers) {
    const asked = [];
    const waited = [];
    busyRetries.wait = async (seconds) => { waited.push(seconds); };
    globalThis.fetch = async (url) => {
      asked.push(url);
      const [status, body] = answers[Math.min(asked.length, answers.length) - 1];
      return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json" } });
    };
    return { asked, waited };
  }

  const busy = (seconds) => [503, { code: "busy", retryAfterSeconds: seconds }];

  it("is asked again after the wait it gives, and the member sees only the answer", async () => {
    const { asked, waited } = answersInTurn(busy(2), [200, { step: "enter-code" }]);
    const answer = await request("POST", "/api/things/t1/password", {});
    assert.equal(answer.ok, true);
    assert.equal(asked.length, 2);
    assert.deepEqual(waited, [2]);
  });

  it("is told to the member after a few tries", async () => {
    const { asked } = answersInTurn(busy(1));
    const answer = await request("POST", "/api/things/t1/password", {});
    assert.equal(answer.problem.code, "busy");
    assert.equal(asked.length, 3);
  });

  it("is not waited out when it asks for long", async () => {
    const { asked } = answersInTurn(busy(60));
    const answer = await request("POST", "/api/things/t1/password", {});
    assert.equal(answer.problem.retryAfterSeconds, 60);
    assert.equal(asked.length, 1);
  });
});

// Talks to the gateway's JSON API. Every answer is turned into
// { ok, status, data, problem }: `data` on success, `problem` (RFC 9457, with `code`) otherwise.

// A `503 busy` means the server did nothing (its password hashing was saturated): the same request goes again
// after the wait the server asks for, a few times, before the member is told. `wait` is replaced in tests.
export const busyRetries = {
  times: 2,
  longestWaitSeconds: 5,
  wait: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
};

export async function request(method, url, body) {
  for (let retry = 0; ; retry++) {
    const answer = await requestOnce(method, url, body);
    const waitSeconds = answer.problem?.retryAfterSeconds;
    if (answer.problem?.code !== "busy" || retry >= busyRetries.times || !(waitSeconds <= busyRetries.longestWaitSeconds)) {
      return answer;
    }
    await busyRetries.wait(waitSeconds);
  }
}

async function requestOnce(method, url, body) {
  const init = {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json, application/problem+json" },
  };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(url, init);
  } catch {
    return { ok: false, status: 0, problem: { code: "network" } };
  }

  const payload = await readJson(response);
  noteServerClock(response);
  if (response.ok) {
    return { ok: true, status: response.status, data: payload ?? {} };
  }

  const problem = payload && typeof payload === "object" ? payload : {};
  problem.code ??= codeFromStatus(response.status);
  if (problem.retryAfterSeconds === undefined) {
    const retryAfter = Number.parseInt(response.headers.get("Retry-After") ?? "", 10);
    if (Number.isFinite(retryAfter)) {
      problem.retryAfterSeconds = retryAfter;
    }
  }
  return { ok: false, status: response.status, problem };
}

export const get = (url) => request("GET", url);
export const post = (url, body = {}) => request("POST", url, body);
export const del = (url) => request("DELETE", url);

async function readJson(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function codeFromStatus(status) {
  if (status === 401) return "invalid-credentials";
  if (status === 404) return "not-found";
  if (status === 429) return "rate-limited";
  if (status >= 500) return "server-error";
  return "unknown";
}

// The server's clock, as far as the Date header tells it, so that a countdown
// to an instant the server chose does not depend on the member's own clock.
let serverClockOffsetMs = 0;

function noteServerClock(response) {
  const serverDate = Date.parse(response.headers.get("Date") ?? "");
  if (!Number.isFinite(serverDate)) {
    return;
  }
  // The header counts whole seconds: only a real gap between the clocks is worth correcting.
  const offset = serverDate + 500 - Date.now();
  serverClockOffsetMs = Math.abs(offset) > 2000 ? offset : 0;
}

/** Now, on the server's clock (to the second). */
export function serverNow() {
  return Date.now() + serverClockOffsetMs;
}

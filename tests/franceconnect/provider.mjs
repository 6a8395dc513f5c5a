// A local OpenID Connect provider set up like FranceConnect v2 (eIDAS low), for the tests and ./run.sh --franceconnect:
// oidc-provider (the library FranceConnect's own core uses) under /api/v2, acr eidas1, ES256-signed id_token and
// userinfo (application/jwt), client_secret_post. Its login screen lists test identities and a "cancel" button
// (error=access_denied). Tests can make it misbehave through POST /test/mode (a forged or rotated key, an expired
// id_token, an unsigned userinfo) to see the gateway refuse. Prints "listening <issuer>" once ready.
//   PORT (0: any free port), FC_REDIRECT_URIS and FC_POST_LOGOUT_URIS (comma-separated), FC_CLIENT_SECRET.
import { createServer } from "node:http";
import { exportJWK, generateKeyPair, decodeJwt, SignJWT } from "jose";
import Provider from "oidc-provider";

const identities = {
  "paul-comet": { given_name: "Paul Louis", given_name_array: ["Paul", "Louis"], family_name: "COMET", birthdate: "1985-08-01", gender: "male" },
  "marie-helene-darcy": { given_name: "Marie-Hélène", given_name_array: ["Marie-Hélène"], family_name: "D'ARCY", birthdate: "1972-02-29", gender: "female" },
  "jean-martin": { given_name: "Jean", given_name_array: ["Jean"], family_name: "MARTIN", birthdate: "1970-01-01", gender: "male" },
  "usage-comet": { given_name: "Louis", given_name_array: ["Louis", "Paul"], family_name: "DUPONT", preferred_username: "COMET", birthdate: "1985-08-01", gender: "male" },
  "inconnu": { given_name: "Inès", given_name_array: ["Inès"], family_name: "INCONNUE", birthdate: "2000-05-05", gender: "female" },
  "acr-eidas2": { given_name: "Paul Louis", given_name_array: ["Paul", "Louis"], family_name: "COMET", birthdate: "1985-08-01", gender: "male", acr: "eidas2" },
};

const port = Number(process.env.PORT ?? 0);
const list = (name, fallback) => (process.env[name] ?? fallback).split(",").map((uri) => uri.trim()).filter(Boolean);
const redirectUris = list("FC_REDIRECT_URIS", "http://localhost/franceconnect/callback,http://127.0.0.1:5080/franceconnect/callback");
const postLogoutUris = list("FC_POST_LOGOUT_URIS", "http://localhost/franceconnect/logged-out,http://127.0.0.1:5080/franceconnect/logged-out");
const secret = process.env.FC_CLIENT_SECRET ?? "secret-de-test-franceconnect-0123456789";

const signingKey = await key("fc-key-1");
let rotatedKey = null;
let mode = "normal";

const server = createServer();
server.listen(port, "127.0.0.1", () => {
  const issuer = `http://127.0.0.1:${server.address().port}/api/v2`;
  const provider = new Provider(issuer, configuration());
  provider.proxy = false;
  const callback = provider.callback();
  server.on("request", (req, res) => route(req, res, provider, callback, issuer));
  console.log(`listening ${issuer}`);
});

function configuration() {
  const client = (clientId, extra = {}) => ({
    client_id: clientId,
    client_secret: secret,
    redirect_uris: redirectUris,
    post_logout_redirect_uris: postLogoutUris,
    response_types: ["code"],
    grant_types: ["authorization_code"],
    token_endpoint_auth_method: "client_secret_post",
    id_token_signed_response_alg: "ES256",
    userinfo_signed_response_alg: "ES256",
    ...extra,
  });
  return {
    clients: [client("franceconnect-test"), client("franceconnect-json-userinfo", { userinfo_signed_response_alg: undefined })],
    jwks: { keys: [signingKey.privateJwk] },
    acrValues: ["eidas1", "eidas2"],
    scopes: ["openid", "given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry", "preferred_username", "email"],
    claims: {
      openid: ["sub"],
      given_name: ["given_name", "given_name_array"],
      family_name: ["family_name"],
      birthdate: ["birthdate"],
      gender: ["gender"],
      birthplace: ["birthplace"],
      birthcountry: ["birthcountry"],
      preferred_username: ["preferred_username"],
      email: ["email"],
    },
    enabledJWA: { idTokenSigningAlgValues: ["ES256"], userinfoSigningAlgValues: ["ES256"] },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource },
    },
    routes: { authorization: "/authorize", userinfo: "/userinfo", jwks: "/jwks", token: "/token", end_session: "/session/end" },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (ctx, id) => identities[id] && {
      accountId: id,
      claims: () => {
        const claims = { ...identities[id] };
        delete claims.acr;
        return { sub: id, birthplace: "75056", birthcountry: "99100", email: `${id}@example.fr`, ...claims };
      },
    },
    ttl: { IdToken: 60, AccessToken: 60, AuthorizationCode: 60, Session: 3600, Interaction: 600, Grant: 3600 },
    cookies: { keys: ["local-franceconnect-cookie-key"] },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="fr"><title>Erreur</title><h1>${escape(out.error)}</h1><p>${escape(out.error_description ?? "")}</p></html>`;
    },
  };
}

async function route(req, res, provider, callback, issuer) {
  const path = req.url.split("?")[0];
  if (req.method === "POST" && path === "/test/mode") {
    mode = new URL(req.url, issuer).searchParams.get("userinfo") ?? "normal";
    rotatedKey = mode === "rotated" ? await key("fc-key-2") : null;
    return send(res, 204, "", "text/plain");
  }
  if (path.startsWith("/interaction/")) {
    return interaction(req, res, provider, path.split("/")[2]);
  }
  if (!path.startsWith("/api/v2") || req.headers["x-local-provider"]) {
    req.originalUrl = req.url;
    req.url = req.url.slice("/api/v2".length) || "/";
    req.baseUrl = "/api/v2";
    return callback(req, res);
  }
  if (mode !== "normal" && (path === "/api/v2/userinfo" || path === "/api/v2/jwks" || path === "/api/v2/token")) {
    return misbehave(req, res, path, issuer);
  }
  req.originalUrl = req.url;
  req.url = req.url.slice("/api/v2".length) || "/";
  req.baseUrl = "/api/v2";
  return callback(req, res);
}

/** Asks the provider itself, then changes the answer the way the current mode says. */
async function misbehave(req, res, path, issuer) {
  const body = req.method === "POST" ? await read(req) : undefined;
  const headers = { ...req.headers, "x-local-provider": "1" };
  delete headers["content-length"];
  const answer = await fetch(`${new URL(issuer).origin}${req.url}`, { method: req.method, headers, body });
  const text = await answer.text();
  if (path === "/api/v2/jwks") {
    const keys = JSON.parse(text);
    if (rotatedKey) keys.keys.push(rotatedKey.publicJwk);
    return send(res, answer.status, JSON.stringify(keys), "application/json");
  }
  if (path === "/api/v2/token") {
    const tokens = JSON.parse(text);
    if (mode === "expired-id-token" && tokens.id_token) {
      const claims = decodeJwt(tokens.id_token);
      tokens.id_token = await sign({ ...claims, iat: claims.iat - 7200, exp: claims.iat - 3600 }, signingKey);
    }
    return send(res, answer.status, JSON.stringify(tokens), "application/json");
  }
  if (!answer.ok) return send(res, answer.status, text, answer.headers.get("content-type") ?? "text/plain");
  const claims = decodeJwt(text);
  const forged = {
    "forged-signature": () => sign(claims, { ...signingKey, privateKey: forgedKey }),
    "unknown-kid": () => sign(claims, { kid: "fc-key-unknown", privateKey: forgedKey }),
    rotated: () => sign(claims, rotatedKey),
    unsigned: () => `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`,
    json: () => null,
  }[mode];
  const forgedToken = forged ? await forged() : text;
  return forgedToken === null
    ? send(res, 200, JSON.stringify(claims), "application/json")
    : send(res, 200, forgedToken, "application/jwt");
}

const forgedKey = (await generateKeyPair("ES256", { extractable: true })).privateKey;

/** The login screen: one button per test identity, and "Annuler" (access_denied). */
async function interaction(req, res, provider, uid) {
  const details = await provider.interactionDetails(req, res).catch(() => null);
  if (!details) return send(res, 400, "interaction inconnue", "text/plain");
  if (req.method === "GET") {
    const buttons = Object.keys(identities)
      .map((id) => `<button type="submit" name="identity" value="${id}">${escape(id)}</button>`).join("\n");
    return send(res, 200, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>FranceConnect local</title></head>
<body><main><h1>FranceConnect local : choisissez une identité</h1>
<form method="post" action="/interaction/${uid}">${buttons}
<button type="submit" name="cancel" value="1">Annuler</button></form></main></body></html>`, "text/html");
  }
  const form = new URLSearchParams(await read(req));
  const id = form.get("identity");
  if (form.get("cancel") || !identities[id]) {
    return provider.interactionFinished(req, res, { error: "access_denied", error_description: "L'usager a annulé." }, { mergeWithLastSubmission: false });
  }
  const grant = new provider.Grant({ accountId: id, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  grant.addOIDCClaims(["given_name_array"]);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, {
    login: { accountId: id, acr: identities[id].acr ?? "eidas1" },
    consent: { grantId },
  }, { mergeWithLastSubmission: false });
}

/** The logout confirmation submits itself: FranceConnect's own asks nothing either. */
async function logoutSource(ctx, form) {
  ctx.body = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Déconnexion</title></head><body><main>
<h1>Déconnexion de FranceConnect</h1>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Me déconnecter</button>
</main></body></html>`;
}

async function key(kid) {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  return { kid, privateKey, publicJwk, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "ES256", use: "sig" } };
}

const sign = (claims, { kid, privateKey }) => new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid, typ: "JWT" }).sign(privateKey);
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function read(req) {
  return new Promise((resolve, reject) => {
    let body = "";
    req.on("data", (chunk) => { body += chunk; });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function send(res, status, body, type) {
  res.writeHead(status, { "content-type": type });
  res.end(body);
}

// A real OpenID provider for the tests, on loopback: the certified oidc-provider package, with a login page
// of its own, users who carry their directory groups, and clients the tests register. Nothing here is a
// fake of the protocol: discovery, the authorization code flow with PKCE, signed ID tokens, userinfo and
// RP-initiated logout are the package's.
//
// Test set-up (loopback only, like the provider itself):
//   PUT  /_test/clients/{id}  {"secret", "redirectUris": [..], "postLogoutRedirectUris": [..]}
//   PUT  /_test/users/{id}    {"password", "name", "email", "groups": [..]}  (a later PUT replaces the user)
//   GET  /_test/health
'use strict';
import http from 'node:http';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const port = Number(args.port || 54000);
const issuer = `http://127.0.0.1:${port}`;

// A signing key of this run: ID tokens are signed (RS256) and Mamori checks them against /jwks.
const signing = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };

const clients = new Map();
const users = new Map();

// Clients come from the tests; every other model lives in memory for the life of the process.
class Store {
  static data = new Map();

  constructor(name) {
    this.name = name;
  }

  key(id) {
    return `${this.name}:${id}`;
  }

  async upsert(id, payload, expiresIn) {
    Store.data.set(this.key(id), { payload, expires: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
    if (payload.uid) Store.data.set(`${this.name}:uid:${payload.uid}`, id);
    if (payload.grantId) {
      const grant = `grant:${payload.grantId}`;
      Store.data.set(grant, [...(Store.data.get(grant) || []), this.key(id)]);
    }
  }

  async find(id) {
    if (this.name === 'Client') {
      return clients.get(id);
    }
    const row = Store.data.get(this.key(id));
    if (!row || row.expires < Date.now()) return undefined;
    return row.payload;
  }

  async findByUid(uid) {
    const id = Store.data.get(`${this.name}:uid:${uid}`);
    return id ? this.find(id) : undefined;
  }

  async findByUserCode() {
    return undefined;
  }

  async consume(id) {
    const row = Store.data.get(this.key(id));
    if (row) row.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id) {
    Store.data.delete(this.key(id));
  }

  async revokeByGrantId(grantId) {
    for (const key of Store.data.get(`grant:${grantId}`) || []) Store.data.delete(key);
    Store.data.delete(`grant:${grantId}`);
  }
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title, body) => `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const provider = new Provider(issuer, {
  adapter: Store,
  jwks: { keys: [signing] },
  clients: [],
  claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
  scopes: ['openid', 'profile', 'email', 'groups'],
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ['mamori-test-idp'] },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      // The confirmation is sent at once: the tests sign out through Mamori and expect the provider's session to end.
      logoutSource: async (ctx, form) => {
        ctx.body = page('ログアウト', `${form}<script>document.forms[0].submit()</script><noscript><button form="op.logoutForm" value="yes" name="logout">ログアウト</button></noscript>`);
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = page('ログアウトしました', '<p>ディレクトリからログアウトしました。</p>');
      },
    },
  },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
  async findAccount(ctx, id) {
    const user = users.get(id);
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: user.name, email: user.email, groups: user.groups || [] };
      },
    };
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('エラー', `<p id="error">${escape(out.error)}: ${escape(out.error_description || '')}</p>`);
  },
});
provider.proxy = false;

const readJson = (req) => new Promise((resolve, reject) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => { body += c; });
  req.on('end', () => { try { resolve(body ? JSON.parse(body) : {}); } catch (e) { reject(e); } });
});

const readForm = async (req) => Object.fromEntries(new URLSearchParams(await new Promise((resolve) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => { body += c; });
  req.on('end', () => resolve(body));
})));

const send = (res, status, type, body) => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, 'text/plain', 'interaction mismatch');
  if (req.method === 'GET') {
    return send(res, 200, 'text/html; charset=utf-8', page('ディレクトリにログイン', `
<form method="post" action="/interaction/${escape(uid)}/login">
  <label>ユーザーID <input name="login" autocomplete="username" autofocus></label>
  <label>パスワード <input name="password" type="password" autocomplete="current-password"></label>
  <button type="submit">ログイン</button>
</form>`));
  }
  if (action !== 'login') return send(res, 404, 'text/plain', 'not found');
  const form = await readForm(req);
  const user = users.get(form.login);
  if (!user || user.password !== form.password || user.disabled) {
    return send(res, 200, 'text/html; charset=utf-8', page('ディレクトリにログイン', '<p id="error">ユーザーIDまたはパスワードが違います。</p>'));
  }
  // Consent is given with the login: a directory's own applications do not ask each time.
  const { params, prompt } = details;
  const grant = new provider.Grant({ accountId: form.login, clientId: params.client_id });
  grant.addOIDCScope(params.scope);
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { login: { accountId: form.login }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === '_test') {
      if (parts[1] === 'health') return send(res, 200, 'text/plain', 'ok');
      if (req.method === 'PUT' && parts[1] === 'clients' && parts[2]) {
        const body = await readJson(req);
        clients.set(parts[2], {
          client_id: parts[2],
          client_secret: body.secret,
          redirect_uris: body.redirectUris,
          post_logout_redirect_uris: body.postLogoutRedirectUris || [],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        });
        return send(res, 204, 'text/plain', '');
      }
      if (req.method === 'PUT' && parts[1] === 'users' && parts[2]) {
        users.set(parts[2], await readJson(req));
        return send(res, 204, 'text/plain', '');
      }
      return send(res, 404, 'text/plain', 'not found');
    }
    if (parts[0] === 'interaction' && parts[1]) {
      return await interaction(req, res, parts[1], parts[2]);
    }
    return callback(req, res);
  } catch (e) {
    send(res, 500, 'text/plain', `${e.name}: ${e.message}`);
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`OpenID provider on ${issuer}`);
});

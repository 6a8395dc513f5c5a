// What survives a reload within the tab: only opaque ids handed out by the server
// (and the e-mail shown back at first login), never a code or a password.

function store(key) {
  return {
    load() {
      try {
        return JSON.parse(sessionStorage.getItem(key) ?? "null");
      } catch {
        return null;
      }
    },
    save(value) {
      sessionStorage.setItem(key, JSON.stringify(value));
    },
    clear() {
      sessionStorage.removeItem(key);
    },
  };
}

export const enrolmentStore = store("inscription");
export const firstLoginStore = store("premiere-connexion");
export const resetStore = store("mot-de-passe-perdu");

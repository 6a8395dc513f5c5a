// The one script of every page: the frame (header, footer, announcer), then the page's own module,
// named by <body data-page>. Modules only define things; this is where the page starts them.
import { startLayout } from "./layout.js";

const pages = {
  "dev-inbox": () => import("./dev-inbox.js"),
  "first-login": () => import("./first-login.js"),
  "franceconnect-link": () => import("./franceconnect-link.js"),
  help: () => import("./help.js"),
  inscription: () => import("./inscription.js"),
  "lost-password": () => import("./lost-password.js"),
  "my-space": () => import("./my-space.js"),
  "sign-in": () => import("./sign-in.js"),
};

startLayout();
const page = pages[document.body.dataset.page];
if (page) {
  await (await page()).start();
}

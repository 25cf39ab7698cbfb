import { fileURLToPath } from "node:url";

/**
 * The framework floor that `npm run bench:first-load-js` measures: built with the
 * repository's own next and react (its node_modules, hence the root two folders up).
 */
export default {
  turbopack: { root: fileURLToPath(new URL("../..", import.meta.url)) },
};

// Loaded with `node --import` by a test: appends the URL of every module the
// process loads to the file named by NEWSCTL_TEST_MODULE_LOG.
import { register } from "node:module";

register("./log-modules-hooks.mjs", import.meta.url, { data: { log: process.env.NEWSCTL_TEST_MODULE_LOG } });

#!/usr/bin/env node
// The `coffer` npm bin. The CLI is TypeScript (lib/cli); tsx compiles it on
// load. Paths are relative to this file, so it works from any directory and
// when installed under node_modules. tsconfig: false keeps the tsconfig of
// whatever directory the user runs it in from changing how our code compiles.
import { register } from "tsx/esm/api";

register({ tsconfig: false });
await import(new URL("../lib/cli/main.ts", import.meta.url).href);

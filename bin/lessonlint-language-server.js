#!/usr/bin/env node
// The Lessonlint language server: `lessonlint-language-server --stdio`
// (also --node-ipc, --socket=<port>, --pipe=<name>). See docs/language-server.md.
require('../dist/server/node.js');

#!/usr/bin/env node
'use strict';
// The CLI is bundled into dist/ by `npm run build`.
require('../dist/cli.js');

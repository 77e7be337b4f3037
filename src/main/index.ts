import { createCore } from '../core';
import { runIzzie } from './lifecycle';

// The lifecycle lives in lifecycle.ts so it can be tested without starting Electron.
void runIzzie({ mainFileUrl: import.meta.url, createCore });

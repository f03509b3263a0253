import * as Comlink from 'comlink';
import { installErrorWire } from '../engine/wire-errors.ts';
import { searchWorkerApi } from './api.ts';

// The search is pure JavaScript and can run for seconds: its own worker keeps the page and the engine free.
installErrorWire();
Comlink.expose(searchWorkerApi);

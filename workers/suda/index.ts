import * as Comlink from 'comlink';
import { installErrorWire } from '../engine/wire-errors.ts';
import { sudaApi } from './api.ts';

// SUDA2 is pure JavaScript and can run for a long time: its own worker keeps both the page and the engine free.
installErrorWire();
Comlink.expose(sudaApi);

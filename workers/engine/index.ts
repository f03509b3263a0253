import * as Comlink from 'comlink';
import { engineApi } from './module.ts';
import { installErrorWire } from './wire-errors.ts';

installErrorWire();
Comlink.expose(engineApi);

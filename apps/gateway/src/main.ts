import 'reflect-metadata';
import { exitWith } from '@podgate/runtime';
import { runGateway } from './bootstrap/run-gateway';

exitWith(runGateway(process.env));

import 'reflect-metadata';
import { exitWith } from '@podgate/runtime';
import { runProjector } from './run-projector';

exitWith(runProjector(process.env));

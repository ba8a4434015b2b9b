import 'reflect-metadata';
import { runGateway } from './bootstrap/run-gateway';

runGateway(process.env).then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`podgate: cannot start: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

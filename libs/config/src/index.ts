export * from './podgate-config';

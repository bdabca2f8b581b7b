import type { PathSpecs } from '../operation-spec';
import { healthPaths } from './health';
import { tokenPaths } from './tokens';

/** Every documented resource; each route file has its path file here (one line each). */
export const allPathSpecs: PathSpecs[] = [
  healthPaths,
  tokenPaths,
];

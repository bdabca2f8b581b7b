/**
 * Every TypeORM entity the daemons load. Each feature adds its entity classes here.
 */
export const coreEntities: Array<new () => object> = [];

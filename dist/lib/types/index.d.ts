/**
 * dynamodb-migrate's public API for migration authors.
 *
 *     import { defineMigration } from 'dynamodb-migrate';
 *     export default defineMigration({
 *       version: '1.2.0',
 *       description: 'Pack email into gs1pk',
 *       async up(ctx) { ... },
 *       async down(ctx) { ... },
 *     });
 */
export * from './authoring.js';
export { createController, type ControllerOptions, type ControllerTable, type ControllerHandler, type ControllerEvent, } from './controller/index.js';
export { projectFromModules, type StaticMigrationModule } from './loader/static-project.js';

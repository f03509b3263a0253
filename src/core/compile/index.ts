export { compileSpec, releaseBlocker } from './compile.ts';
export { applySpec, type ApplyOptions, type AppliedSpec, type ExclusionReport } from './apply.ts';
export { materializeHierarchy } from './materialize.ts';
export { exprSql, selectSql } from './codegen.ts';
export { columnRefs, type Expr, type Select } from './ast.ts';
export { valueKind, type ValueKind } from './value-kind.ts';
export type { CompileContext, CompiledSpec, CoverageCheck, MappingPlan, OutputColumn } from './types.ts';

import type { DataRole, Purpose } from './vocabulary';

/** What an entity holds, whose it is, and what it may be used for (docs/design.md, section 2). */
export interface PersonalDataDeclaration {
  dataRole: DataRole;
  /** The register's name for the category, e.g. 'caller_message', 'client_contact'. */
  category: string;
  purposes: readonly Purpose[];
}

const declarations = new Map<object, PersonalDataDeclaration | 'none'>();

/** Declares that an entity holds personal data, its data role and the purposes it may serve. */
export const PersonalData = (declaration: PersonalDataDeclaration): ClassDecorator => (target) => {
  declarations.set(target, declaration);
};

/** Declares, on purpose, that an entity holds no personal data (keys, counters, settings). */
export const NoPersonalData = (): ClassDecorator => (target) => {
  declarations.set(target, 'none');
};

export function personalDataOf(entity: object): PersonalDataDeclaration | null {
  const declared = declarations.get(entity);
  return declared && declared !== 'none' ? declared : null;
}

/**
 * Run at startup: every entity must say whether it holds personal data. An entity that declares
 * nothing stops the process, so a new table cannot slip past the data-role policy unnoticed.
 */
export function assertPersonalDataDeclared(entities: readonly unknown[]): void {
  const undeclared = entities.filter((e): e is { name: string } => typeof e === 'function' && !declarations.has(e)).map((e) => e.name);
  if (undeclared.length) {
    throw new Error(`Entities without a personal-data declaration (@PersonalData or @NoPersonalData): ${undeclared.join(', ')}`);
  }
}

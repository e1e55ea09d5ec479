import { Users1700000000400 } from './migrations/1700000000400-Users';
import { User } from './user.entity';

export { AuthService } from './auth.service';
export { IdentityModule } from './identity.module';
export { User } from './user.entity';
export { publicUser, UsersService } from './users.service';
export type { NewUser, PublicUser } from './users.service';

export const identityEntities = [User];
export const identityMigrations = [Users1700000000400];

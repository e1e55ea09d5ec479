import { BreachesController } from './breaches.controller';
import { DailyUsageController } from './daily-usage.controller';
import { DsrController } from './dsr.controller';
import { MarketingController } from './marketing.controller';
import { RetentionController } from './retention.controller';
import { SubProcessorsController } from './sub-processors.controller';
import { UsageController } from './usage.controller';

/** The compliance surface's controllers, listed once for the API module. */
export const complianceControllers = [BreachesController, DsrController, MarketingController, RetentionController, SubProcessorsController, UsageController, DailyUsageController];

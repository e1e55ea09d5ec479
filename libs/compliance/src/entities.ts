import { BreachAffectedClient } from './breaches/breach-affected-client.entity';
import { Breach } from './breaches/breach.entity';
import { MarketingConsent } from './consent/marketing-consent.entity';
import { MarketingSuppression } from './consent/marketing-suppression.entity';
import { DataSubjectRequest } from './dsr/data-subject-request.entity';
import { DsrForward } from './dsr/dsr-forward.entity';
import { ProcessingRestriction } from './dsr/processing-restriction.entity';
import { DataSubjectRequests1700000000900 } from './migrations/1700000000900-DataSubjectRequests';
import { Breaches1700000000910 } from './migrations/1700000000910-Breaches';
import { MarketingConsent1700000000920 } from './migrations/1700000000920-MarketingConsent';
import { SubProcessors1700000000930 } from './migrations/1700000000930-SubProcessors';
import { SubProcessorTransfer } from './sub-processors/sub-processor-transfer.entity';
import { SubProcessor } from './sub-processors/sub-processor.entity';

export const complianceEntities = [
  DataSubjectRequest,
  DsrForward,
  ProcessingRestriction,
  Breach,
  BreachAffectedClient,
  MarketingConsent,
  MarketingSuppression,
  SubProcessor,
  SubProcessorTransfer,
];

export const complianceMigrations = [DataSubjectRequests1700000000900, Breaches1700000000910, MarketingConsent1700000000920, SubProcessors1700000000930];

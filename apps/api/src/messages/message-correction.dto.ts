import { ApiPropertyOptional, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { IsEmail, IsOptional, MaxLength, ValidateIf } from 'class-validator';
import { MESSAGE_LIMITS } from '#calls';
import { CallerMessageDto, CreateMessageDto } from '../calls/call.dto';

/**
 * The fields to correct, each validated as when the message was logged; absent fields stay as saved,
 * callerEmail null clears it, customFields replaces all of the saved answers.
 */
export class CorrectMessageDto extends PartialType(OmitType(CreateMessageDto, ['callerEmail'] as const)) {
  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, maxLength: MESSAGE_LIMITS.callerEmail })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsEmail() @MaxLength(MESSAGE_LIMITS.callerEmail)
  callerEmail?: string | null;
}

/** The message as corrected: the same fields as a listed message. */
export class CorrectedMessageView extends PickType(CallerMessageDto, [
  'id',
  'clientId',
  'callId',
  'callerName',
  'callerPhone',
  'callerEmail',
  'body',
  'urgency',
  'callbackRequested',
  'customFields',
  'instructionsVersion',
  'createdAt',
  'correctedAt',
] as const) {}

// The icon a phone puts on its home screen; iOS also asks for this address on its own.
import { iconResponse } from '@/lib/site-identity/icon-response';
import { TOUCH_ICON_SIZE } from '@/lib/site-identity/icons';

export const GET = (request: Request) => iconResponse(request, TOUCH_ICON_SIZE);

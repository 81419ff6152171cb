import { BOARD_SCREEN, manifestResponse } from '@/lib/web-manifest';
import { notAllowed } from '@/lib/http';

/** The pickup board's web app manifest. */
export const GET = () => manifestResponse(BOARD_SCREEN);
export const dynamic = 'force-static';

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');

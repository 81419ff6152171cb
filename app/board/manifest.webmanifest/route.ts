import { BOARD_SCREEN, manifestResponse } from '@/lib/web-manifest';

/** The pickup board's web app manifest. */
export const GET = () => manifestResponse(BOARD_SCREEN);
export const dynamic = 'force-static';

import { handle, jsonWithEtag, notAllowed } from '@/lib/http';
import { boardEtagBasis, pickupBoard } from '@/lib/orders/tracking';
import { limitPublic } from '@/lib/public-limits';

/** The lobby's pickup board: preparing and ready orders by daily number and first name, 304 while unchanged. */
export const GET = handle(async (req) => {
  await limitPublic(req, 'board');
  const board = await pickupBoard();
  return jsonWithEtag(req, board, {}, boardEtagBasis(board));
});

/** Every other method: 405 in our error shape, with Allow. */
export const { POST, PUT, PATCH, DELETE } = notAllowed('GET');

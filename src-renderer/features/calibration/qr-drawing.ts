import QRCode from 'qrcode';

// The standard's quiet zone: four modules of white on every side, or phone and station decoders miss it.
const quietModules = 4;

/**
 * Draws `text` as a QR code filling at most `maxPixels` square, with whole device pixels per module
 * so edges stay sharp (a blurred module edge is what a camera struggles with). Level M survives a
 * glare spot or a fingerprint on the lens while keeping modules large. Returns the side drawn.
 */
export function drawQrCode(canvas: HTMLCanvasElement, text: string, maxPixels: number): number {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size + quietModules * 2;
  const scale = Math.max(1, Math.floor(maxPixels / count));
  const side = count * scale;
  if (canvas.width !== side) canvas.width = side;
  if (canvas.height !== side) canvas.height = side;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, side, side);
  context.fillStyle = '#000000';
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) context.fillRect((col + quietModules) * scale, (row + quietModules) * scale, scale, scale);
    }
  }
  return side;
}

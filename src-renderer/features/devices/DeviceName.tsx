import { useTranslation } from 'react-i18next';
import type { Device } from '../../../src-main/contract/index.js';

/** "执法记录仪 1234567 · 张三的记录仪": the type in words, the serial, and the name if it has one. */
export function useDeviceName(): (device: Device) => string {
  const { t } = useTranslation();
  return (device) => [`${t(`deviceType.${device.type}`)} ${device.serial}`, device.name].filter(Boolean).join(' · ');
}

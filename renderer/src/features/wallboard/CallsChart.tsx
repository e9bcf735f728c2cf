import { useTranslation } from 'react-i18next';
import type { TeamFigures } from '../../../../shared/api/wallboard';
import { useLocaleFormat } from '../../i18n/use-locale-format';

const WIDTH = 320;
const HEIGHT = 80;

/** Handled calls per hour today as bars: the morning rush and the lull say more as a shape than as numbers. */
export function CallsChart({ hours }: { hours: TeamFigures['callsByHour'] }) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const most = Math.max(1, ...hours.map((hour) => hour.calls));
  const slot = WIDTH / Math.max(1, hours.length);
  const total = hours.reduce((sum, hour) => sum + hour.calls, 0);
  return (
    <figure className="wallboard-chart" data-testid="wallboard-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 14}`} role="img" aria-label={t('wallboard.figures.chartLabel', { count: total })}>
        {hours.map((hour, i) => {
          const height = (hour.calls / most) * HEIGHT;
          return (
            <g key={hour.hour}>
              <rect x={i * slot + 1} y={HEIGHT - height} width={Math.max(1, slot - 2)} height={height} className="wallboard-bar">
                <title>{`${format.time(hour.hour, { hour: 'numeric' })}: ${format.number(hour.calls)}`}</title>
              </rect>
              {i % 3 === 0 && (
                <text x={i * slot + 1} y={HEIGHT + 12} className="wallboard-axis">
                  {format.time(hour.hour, { hour: 'numeric' })}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>{t('wallboard.figures.chart')}</figcaption>
    </figure>
  );
}

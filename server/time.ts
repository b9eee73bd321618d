const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) in Asia/Shanghai: campaign windows and daily tribute limits are decided there. */
export function shanghaiDay(at: Date = new Date()): string {
  return dayFormat.format(at);
}

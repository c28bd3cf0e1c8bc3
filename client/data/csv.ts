/** Saves rows as a CSV file in the browser. */
export async function downloadCsv(name: string, rows: object[]): Promise<void> {
  const { default: Papa } = await import('papaparse');
  // A cell starting with =, +, -, @, tab or CR gets a leading ', as the server's export does,
  // so a spreadsheet never runs a treatment name as a formula.
  const csv = Papa.unparse(rows, { escapeFormulae: true });
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

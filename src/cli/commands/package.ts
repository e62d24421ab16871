import type { Command } from 'commander';
import {
  cancelPackage,
  closePackage,
  confirmReceipt,
  contractPackage,
  dispatchShipment,
  fundPackage,
  proposePackage,
  validatePackage,
} from '../../app/packages.ts';
import {
  confirmReceiptSchema,
  contractPackageSchema,
  dispatchShipmentSchema,
  factsOnlySchema,
  proposePackageSchema,
  reasonSchema,
  validatePackageSchema,
} from '../../app/schemas.ts';
import { FULL_SCOPE } from '../../domain/access.ts';
import { notFound } from '../../domain/errors.ts';
import { PACKAGE_STATUSES } from '../../domain/package/package.ts';
import { getPackage, listPackages, type PackageDetail } from '../../projections/queries/packages.ts';
import type { CliContext } from '../context.ts';
import { fields, money, percent, table, text } from '../output.ts';
import { addReadCommand, count, optional, reportingCurrency, withCurrencyFlag } from '../read-command.ts';
import { addWriteCommand, write } from '../write-command.ts';
import { contributionColumns } from './contribution.ts';

const COMMANDS = [
  write({
    name: 'propose',
    summary: 'propose a package (tranche) of line items for a recipient',
    schema: proposePackageSchema,
    flags: [
      ['--id <id>', 'id', 'its id, e.g. nl-1 (default: a new one)'],
      ['--title-uk <text>', 'title.uk', 'the title in Ukrainian'],
      ['--title-en <text>', 'title.en', 'the title in English'],
      ['--title-ru <text>', 'title.ru', 'the title in Russian'],
      ['--recipient <id>', 'recipientId', 'the recipient'],
      ['--coordinator <id>', 'coordinatorId', 'the coordinating organisation, e.g. nsatu'],
      ['--supplier <id>', 'supplierId', 'the supplier, when known'],
      ['--category <id>', 'category', 'e.g. air-defence'],
      ['--target-value <amount>', 'targetValue.amount', 'the target value (with --currency)'],
      ['--currency <code>', 'targetValue.currency', 'the currency of the target value, e.g. USD'],
      [
        '--line <line>',
        'lines',
        'a line: a description, or JSON {"description","quantity","unit","requirementId",…}; repeat it',
        'package-lines',
      ],
    ],
    run: (deps, request, input) => proposePackage(deps, request, input),
  }),
  write({
    name: 'validate',
    summary: 'validate a proposed package, as its coordinator',
    args: ['id'],
    schema: validatePackageSchema,
    flags: [['--coordinator <id>', 'coordinatorId', 'the coordinating organisation']],
    run: (deps, request, input, { id }) => validatePackage(deps, request, id, input),
  }),
  write({
    name: 'fund',
    summary: 'mark a validated package funded (a contribution to it must be committed)',
    args: ['id'],
    schema: factsOnlySchema,
    flags: [],
    run: (deps, request, input, { id }) => fundPackage(deps, request, id, input),
  }),
  write({
    name: 'contract',
    summary: 'record the supply contract of a funded package',
    args: ['id'],
    schema: contractPackageSchema,
    flags: [
      ['--supplier <id>', 'supplierId', 'the supplier'],
      ['--contract-reference <ref>', 'contractReference', "the contract's reference"],
    ],
    run: (deps, request, input, { id }) => contractPackage(deps, request, id, input),
  }),
  write({
    name: 'ship',
    summary: 'record a shipment dispatched towards the recipient',
    args: ['id'],
    schema: dispatchShipmentSchema,
    flags: [
      ['--shipment <id>', 'shipmentId', "the shipment's id (default: a new one)"],
      [
        '--line <lineId=quantity>',
        'lines',
        'a line shipped and how many (just lineId when not counted); repeat it',
        'line-quantities',
      ],
    ],
    run: (deps, request, input, { id }) => dispatchShipment(deps, request, id, input),
  }),
  write({
    name: 'receive',
    summary: 'confirm what the recipient received from a shipment, partly or fully',
    args: ['id'],
    schema: confirmReceiptSchema,
    flags: [
      ['--shipment <id>', 'shipmentId', 'the shipment received'],
      ['--receipt <id>', 'receiptId', "the receipt's id (default: a new one)"],
      [
        '--line <lineId=quantity>',
        'lines',
        'a line received and how many (just lineId when not counted); repeat it',
        'line-quantities',
      ],
      ['--full', 'full', 'the whole package has now arrived', 'boolean'],
    ],
    run: (deps, request, input, { id }) => confirmReceipt(deps, request, id, input),
  }),
  write({
    name: 'close',
    summary: 'close a delivered package',
    args: ['id'],
    schema: factsOnlySchema,
    flags: [],
    run: (deps, request, input, { id }) => closePackage(deps, request, id, input),
  }),
  write({
    name: 'cancel',
    summary: 'cancel a package',
    args: ['id'],
    schema: reasonSchema,
    flags: [['--reason <text>', 'reason', 'why']],
    run: (deps, request, input, { id }) => cancelPackage(deps, request, id, input),
  }),
];

function renderPackage(pkg: PackageDetail): string {
  const d = pkg.dates;
  const sections = [
    fields([
      ['package', pkg.id],
      ['title', text(pkg.title)],
      ['status', pkg.status],
      ['recipient', pkg.recipientId],
      ['coordinator', pkg.coordinatorId],
      ['supplier', pkg.supplierId ?? ''],
      ['category', pkg.category],
      ['donors', pkg.donorIds.join(', ')],
      [
        'target',
        pkg.target.currency === pkg.targetReporting.currency
          ? money(pkg.target)
          : `${money(pkg.target)} (${money(pkg.targetReporting)})`,
      ],
      ['pledged', money(pkg.pledged)],
      ['committed', `${money(pkg.committed)} (${percent(pkg.fundedShare)} of target)`],
      ['paid', `${money(pkg.paid)} (${percent(pkg.paidShare)} of target)`],
      ['delivered', percent(pkg.deliveredShare)],
      [
        'dates',
        (
          [
            ['proposed', d.proposed],
            ['validated', d.validated],
            ['funded', d.funded],
            ['contracted', d.contracted],
            ['first shipped', d.firstShipped],
            ['first received', d.firstReceived],
            ['delivered', d.delivered],
            ['closed', d.closed],
            ['cancelled', d.cancelled],
          ] as const
        )
          .filter(([, date]) => date)
          .map(([label, date]) => `${label} ${date}`)
          .join(', '),
      ],
    ]),
    'Lines',
    table(pkg.lines, [
      { header: 'line', value: (line) => line.lineId },
      { header: 'description', value: (line) => line.description },
      { header: 'requirement', value: (line) => line.requirementId },
      {
        header: 'quantity',
        value: (line) => (line.quantity === null ? '?' : `${line.quantity} ${line.unit ?? ''}`.trim()),
      },
      { header: 'shipped', value: (line) => line.shipped, align: 'right' },
      { header: 'received', value: (line) => line.received, align: 'right' },
      { header: 'value', value: (line) => money(line.value), align: 'right' },
    ]),
    'Shipments',
    table(pkg.shipments, [
      { header: 'shipment', value: (s) => s.shipmentId },
      { header: 'dispatched', value: (s) => s.dispatchedOn },
      { header: 'lines', value: (s) => quantities(s.lines) },
    ]),
    'Receipts',
    table(pkg.receipts, [
      { header: 'receipt', value: (r) => r.receiptId },
      { header: 'shipment', value: (r) => r.shipmentId },
      { header: 'received', value: (r) => r.receivedOn },
      { header: 'lines', value: (r) => quantities(r.lines) },
      { header: 'full', value: (r) => (r.full ? 'yes' : '') },
    ]),
    'Contributions',
    table(pkg.contributions, contributionColumns),
    'Reported figures',
    table(figureRows(pkg), [
      { header: 'stage', value: (row) => row.stage },
      { header: 'amount', value: (row) => row.amount, align: 'right' },
      { header: 'adopted', value: (row) => row.adopted },
      { header: 'source', value: (row) => row.source },
      { header: 'stated on', value: (row) => row.statedOn },
      { header: 'claim', value: (row) => row.claimId },
    ]),
  ];
  // A blank line before each section's heading.
  return sections.map((section, index) => (index % 2 === 1 ? `\n${section}:` : section)).join('\n');
}

/** Each reported value of each figure, and an adopted range (which no single claim states) as its own row. */
function figureRows(pkg: PackageDetail) {
  return pkg.figures.flatMap((figure) => {
    const adopted = figure.adopted;
    const claims = figure.claims.map((claim) => ({
      stage: figure.stage,
      amount: money(claim.amount),
      adopted: adopted?.claimId === claim.id ? 'yes' : '',
      source: `${claim.source.publisher} (${claim.source.language})`,
      statedOn: claim.statedOn,
      claimId: claim.id,
    }));
    if (!adopted || adopted.claimId !== null) return claims;
    const range = { stage: figure.stage, amount: `${money(adopted.low)} – ${money(adopted.high)}`, adopted: 'range' };
    return [...claims, { ...range, source: adopted.note ?? '', statedOn: adopted.adoptedOn, claimId: null }];
  });
}

/** `1×40, 2` from stored line quantities. */
function quantities(lines: unknown): string {
  if (!Array.isArray(lines)) return '';
  return lines
    .map((line: { lineId?: unknown; quantity?: unknown }) =>
      line.quantity === null || line.quantity === undefined
        ? String(line.lineId)
        : `${String(line.lineId)}×${String(line.quantity)}`,
    )
    .join(', ');
}

export function registerPackageCommands(program: Command, context: CliContext): void {
  const pkg = program.command('package').description('packages (tranches): propose, fund, ship, receive, close');
  for (const spec of COMMANDS) addWriteCommand(pkg, spec, context);
  addReadCommand(
    pkg,
    'list',
    'the package pipeline: status, funded, paid and delivered shares',
    (command) =>
      withCurrencyFlag(command)
        .option('--status <status>', `only this status: ${PACKAGE_STATUSES.join(', ')}`)
        .option('--donor <id>', 'only packages this donor contributes to')
        .option('--limit <n>', 'at most this many packages (default 200)')
        .option('--offset <n>', 'skip this many first'),
    (db, options) =>
      listPackages(db, FULL_SCOPE, {
        status: optional(options.status),
        donorId: optional(options.donor),
        currency: reportingCurrency(options.currency),
        limit: count(options.limit, '--limit', 1, 1000),
        offset: count(options.offset, '--offset', 0, Number.MAX_SAFE_INTEGER),
      }),
    (rows) =>
      table(rows, [
        { header: 'id', value: (row) => row.id },
        { header: 'title', value: (row) => text(row.title) },
        { header: 'status', value: (row) => row.status },
        { header: 'donors', value: (row) => row.donorIds.join(', ') },
        { header: 'target', value: (row) => money(row.targetReporting), align: 'right' },
        { header: 'committed', value: (row) => money(row.committed), align: 'right' },
        { header: 'paid', value: (row) => money(row.paid), align: 'right' },
        { header: 'funded', value: (row) => percent(row.fundedShare), align: 'right' },
        { header: 'delivered', value: (row) => percent(row.deliveredShare), align: 'right' },
        { header: 'proposed', value: (row) => row.dates.proposed },
      ]),
    context,
  );
  addReadCommand(
    pkg,
    'show <id>',
    'one package: lines, shipments, receipts, contributions and the figures reported about it',
    withCurrencyFlag,
    async (db, options, [id = '']) => {
      const found = await getPackage(db, FULL_SCOPE, id, reportingCurrency(options.currency));
      if (!found) throw notFound('package-unknown', `no package "${id}"`, 'id');
      return found;
    },
    renderPackage,
    context,
  );
}

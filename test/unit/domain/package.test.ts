import { describe, it } from 'vitest';
import type { Equivalents } from '../../../src/domain/money.ts';
import {
  type LineQuantity,
  type PackageCommand,
  type PackageEvent,
  type PackageLine,
  type PackageProposal,
  packageDecider,
} from '../../../src/domain/package/package.ts';
import { given } from '../../support/given.ts';

type ProposePackage = Extract<PackageCommand, { type: 'ProposePackage' }>;

const KNOWN = new Set(['ua', 'nsatu', 'us', 'req-patriot']);

/** Two lines of known quantity and no value: they weigh equally in the delivered share. */
const LINES: readonly PackageLine[] = [
  line({ lineId: 'interceptors', description: 'Patriot interceptors', quantity: 10, unit: 'missiles' }),
  line({ lineId: 'launchers', description: 'Patriot launchers', quantity: 2, unit: 'launchers' }),
];

function line(overrides: Partial<PackageLine> & Pick<PackageLine, 'lineId'>): PackageLine {
  return {
    requirementId: null,
    description: 'Patriot components',
    category: 'air-defence',
    quantity: null,
    unit: null,
    value: null,
    ...overrides,
  };
}

/** The app computes equivalents; the domain records them as given. */
const TARGET_EQUIVALENTS: Equivalents = {
  eur: { amount: '427935638.48', currency: 'EUR' },
  usd: { amount: '500000000.00', currency: 'USD' },
  rateDate: '2025-08-05',
  rateSource: 'ecb',
};

const PROPOSAL: PackageProposal = {
  id: 'purl-nl-1',
  title: { en: 'PURL package 1', uk: 'Пакет PURL 1' },
  recipientId: 'ua',
  coordinatorId: 'nsatu',
  supplierId: null,
  category: 'air-defence',
  targetValue: { amount: '500000000.00', currency: 'USD' },
  targetEquivalents: TARGET_EQUIVALENTS,
  lines: LINES,
  visibility: 'public',
};

function propose(overrides: Partial<ProposePackage> = {}): ProposePackage {
  return {
    type: 'ProposePackage',
    id: PROPOSAL.id,
    title: PROPOSAL.title,
    recipientId: 'ua',
    coordinatorId: 'nsatu',
    category: 'air-defence',
    targetValue: { amount: '500000000', currency: 'USD' },
    targetEquivalents: TARGET_EQUIVALENTS,
    lines: [
      { lineId: 'interceptors', description: 'Patriot interceptors', quantity: 10, unit: 'missiles' },
      { lineId: 'launchers', description: 'Patriot launchers', quantity: 2, unit: 'launchers' },
    ],
    visibility: 'public',
    known: KNOWN,
    ...overrides,
  };
}

const proposed = (overrides: Partial<PackageProposal> = {}): PackageEvent => ({
  type: 'PackageProposed',
  data: { ...PROPOSAL, ...overrides },
});
const validated: PackageEvent = { type: 'PackageValidated', data: { coordinatorId: 'nsatu' } };
const funded: PackageEvent = { type: 'PackageFunded', data: {} };
const contracted: PackageEvent = { type: 'PackageContracted', data: { supplierId: 'us', contractReference: null } };
const dispatched = (shipmentId: string, lines: readonly LineQuantity[]): PackageEvent => ({
  type: 'ShipmentDispatched',
  data: { shipmentId, lines },
});
const received = (
  receiptId: string,
  shipmentId: string,
  lines: readonly LineQuantity[],
  share: [number, number],
  full = false,
): PackageEvent => ({
  type: 'DeliveryReceived',
  data: {
    receiptId,
    shipmentId,
    lines,
    full,
    deliveredShare: { numerator: String(share[0]), denominator: String(share[1]) },
  },
});
const cancelled: PackageEvent = { type: 'PackageCancelled', data: { reason: 'merged into package 2' } };

const q = (lineId: string, quantity: number | null): LineQuantity => ({ lineId, quantity });

/** A package ready to ship: proposed, validated, funded, contracted. */
const CONTRACTED: PackageEvent[] = [proposed(), validated, funded, contracted];
/** Everything shipped at once in s1. */
const SHIPPED_ALL: PackageEvent[] = [...CONTRACTED, dispatched('s1', [q('interceptors', 10), q('launchers', 2)])];

describe('package: the lifecycle from proposal to closure', () => {
  it('moves through proposed → validated → funded → contracted → shipped → partly → fully received → closed', () => {
    const history: PackageEvent[] = [];
    const step = (command: PackageCommand, expected: PackageEvent[]): void => {
      given(packageDecider, ...history)
        .when(command)
        .then(expected);
      history.push(...expected);
    };

    step(propose(), [proposed()]);
    step({ type: 'ValidatePackage', coordinatorId: 'nsatu' }, [validated]);
    step({ type: 'FundPackage', committedContributions: 2 }, [funded]);
    step({ type: 'ContractPackage', supplierId: 'us', supplierKnown: true, contractReference: '  FMS-UA-001 ' }, [
      { type: 'PackageContracted', data: { supplierId: 'us', contractReference: 'FMS-UA-001' } },
    ]);
    step({ type: 'DispatchShipment', shipmentId: 's1', lines: [q('interceptors', 6), q('launchers', 2)] }, [
      dispatched('s1', [q('interceptors', 6), q('launchers', 2)]),
    ]);
    // 5 of 10 interceptors: half of one of two equal lines = 1/4
    step({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('interceptors', 5)] }, [
      received('r1', 's1', [q('interceptors', 5)], [1, 4]),
    ]);
    // + 1 interceptor and 1 of 2 launchers: (6/10 + 1/2) / 2 = 11/20
    step(
      { type: 'ConfirmReceipt', receiptId: 'r2', shipmentId: 's1', lines: [q('interceptors', 1), q('launchers', 1)] },
      [received('r2', 's1', [q('interceptors', 1), q('launchers', 1)], [11, 20])],
    );
    step({ type: 'DispatchShipment', shipmentId: 's2', lines: [q('interceptors', 4)] }, [
      dispatched('s2', [q('interceptors', 4)]),
    ]);
    // all 10 interceptors and 1 of 2 launchers: (1 + 1/2) / 2 = 3/4
    step({ type: 'ConfirmReceipt', receiptId: 'r3', shipmentId: 's2', lines: [q('interceptors', 4)] }, [
      received('r3', 's2', [q('interceptors', 4)], [3, 4]),
    ]);
    // the last launcher completes every line: full, without being asked
    step({ type: 'ConfirmReceipt', receiptId: 'r4', shipmentId: 's1', lines: [q('launchers', 1)] }, [
      received('r4', 's1', [q('launchers', 1)], [1, 1], true),
    ]);
    step({ type: 'ClosePackage' }, [{ type: 'PackageClosed', data: {} }]);
    given(packageDecider, ...history)
      .when({ type: 'ClosePackage' })
      .thenFails('package-already-closed');
  });
});

describe('package: ProposePackage', () => {
  it('records the proposal with line ids, categories and values filled in and normalised', () => {
    given(packageDecider)
      .when(
        propose({
          supplierId: 'us',
          lines: [
            {
              description: '  Patriot interceptors ',
              quantity: 10,
              unit: ' missiles ',
              requirementId: 'req-patriot',
              value: { amount: '400000000', currency: 'USD' },
            },
            {
              description: 'Spare parts',
              category: 'other-equipment',
              unit: '  ',
              value: { amount: '100000000.5', currency: 'USD' },
            },
          ],
        }),
      )
      .then([
        proposed({
          supplierId: 'us',
          lines: [
            line({
              lineId: '1',
              requirementId: 'req-patriot',
              description: 'Patriot interceptors',
              quantity: 10,
              unit: 'missiles',
              value: { amount: '400000000.00', currency: 'USD' },
            }),
            line({
              lineId: '2',
              description: 'Spare parts',
              category: 'other-equipment',
              value: { amount: '100000000.50', currency: 'USD' },
            }),
          ],
        }),
      ]);
  });

  it('a package is proposed once', () => {
    given(packageDecider, proposed()).when(propose()).thenFails('package-already-proposed', 'id');
  });

  it('refuses a malformed id', () => {
    given(packageDecider)
      .when(propose({ id: 'PURL 1' }))
      .thenFails('id-invalid', 'id');
  });

  it('needs a title in at least one language', () => {
    given(packageDecider)
      .when(propose({ title: {} }))
      .thenFails('text-missing', 'title');
  });

  it.each(['recipientId', 'coordinatorId', 'supplierId'] as const)(
    'refuses an unregistered organisation as %s',
    (field) => {
      given(packageDecider)
        .when(propose({ [field]: 'nowhere' }))
        .thenFails('organisation-unknown', field);
    },
  );

  it('needs a positive target value', () => {
    given(packageDecider)
      .when(propose({ targetValue: { amount: '0', currency: 'USD' } }))
      .thenFails('amount-must-be-positive', 'targetValue.amount');
  });

  it('needs the target value in an ISO 4217 currency', () => {
    given(packageDecider)
      .when(propose({ targetValue: { amount: '500000000', currency: 'DOLLARS' } }))
      .thenFails('currency-not-iso-4217', 'targetValue.currency');
  });

  it('refuses a target value more precise than its currency', () => {
    given(packageDecider)
      .when(propose({ targetValue: { amount: '75000000000.5', currency: 'JPY' } }))
      .thenFails('amount-too-precise', 'targetValue.amount');
  });

  it('refuses a category that is not on the list', () => {
    given(packageDecider)
      .when(propose({ category: 'weapons' }))
      .thenFails('category-unknown', 'category');
  });

  it('has at least one line', () => {
    given(packageDecider)
      .when(propose({ lines: [] }))
      .thenFails('package-lines-required', 'lines');
  });

  it('names each line once', () => {
    given(packageDecider)
      .when(
        propose({
          lines: [
            { lineId: 'a', description: 'x' },
            { lineId: 'a', description: 'y' },
          ],
        }),
      )
      .thenFails('line-id-duplicated', 'lines[1].lineId');
  });

  it('refuses a malformed line id', () => {
    given(packageDecider)
      .when(propose({ lines: [{ lineId: 'Line A', description: 'x' }] }))
      .thenFails('id-invalid', 'lines[0].lineId');
  });

  it('describes every line', () => {
    given(packageDecider)
      .when(propose({ lines: [{ description: '   ' }] }))
      .thenFails('text-empty', 'lines[0].description');
  });

  it('covers only listed requirements', () => {
    given(packageDecider)
      .when(propose({ lines: [{ description: 'x', requirementId: 'req-unknown' }] }))
      .thenFails('requirement-unknown', 'lines[0].requirementId');
  });

  it('values lines in the package’s currency', () => {
    given(packageDecider)
      .when(propose({ lines: [{ description: 'x', value: { amount: '100', currency: 'EUR' } }] }))
      .thenFails('line-currency-mismatch', 'lines[0].value.currency');
  });

  it('needs a positive line value', () => {
    given(packageDecider)
      .when(propose({ lines: [{ description: 'x', value: { amount: '-1', currency: 'USD' } }] }))
      .thenFails('amount-must-be-positive', 'lines[0].value.amount');
  });

  it.each([0, -3, 2.5])('refuses a line quantity of %s', (quantity) => {
    given(packageDecider)
      .when(propose({ lines: [{ description: 'x', quantity }] }))
      .thenFails('quantity-must-be-positive-integer', 'lines[0].quantity');
  });

  it('refuses a line category that is not on the list', () => {
    given(packageDecider)
      .when(propose({ lines: [{ description: 'x', category: 'tanks' }] }))
      .thenFails('category-unknown', 'lines[0].category');
  });
});

describe('package: ValidatePackage', () => {
  it('the coordinator validates a proposed package', () => {
    given(packageDecider, proposed()).when({ type: 'ValidatePackage', coordinatorId: 'nsatu' }).then([validated]);
  });

  it('only the package’s coordinator validates it', () => {
    given(packageDecider, proposed())
      .when({ type: 'ValidatePackage', coordinatorId: 'us' })
      .thenFails('not-the-coordinator', 'coordinatorId');
  });

  it('a package that does not exist cannot be validated', () => {
    given(packageDecider).when({ type: 'ValidatePackage', coordinatorId: 'nsatu' }).thenFails('package-unknown');
  });

  it('a package is validated once', () => {
    given(packageDecider, proposed(), validated)
      .when({ type: 'ValidatePackage', coordinatorId: 'nsatu' })
      .thenFails('package-status-invalid');
  });
});

describe('package: FundPackage', () => {
  it('a validated package with a committed contribution is funded', () => {
    given(packageDecider, proposed(), validated)
      .when({ type: 'FundPackage', committedContributions: 1 })
      .then([funded]);
  });

  it('a package is not funded without a committed contribution', () => {
    given(packageDecider, proposed(), validated)
      .when({ type: 'FundPackage', committedContributions: 0 })
      .thenFails('package-has-no-commitments');
  });

  it('a package is validated before it is funded', () => {
    given(packageDecider, proposed())
      .when({ type: 'FundPackage', committedContributions: 1 })
      .thenFails('package-status-invalid');
  });
});

describe('package: ContractPackage', () => {
  it('a funded package is contracted with a supplier, without a reference when none is given', () => {
    given(packageDecider, proposed(), validated, funded)
      .when({ type: 'ContractPackage', supplierId: 'us', supplierKnown: true, contractReference: '   ' })
      .then([contracted]);
  });

  it('the supplier is a registered organisation', () => {
    given(packageDecider, proposed(), validated, funded)
      .when({ type: 'ContractPackage', supplierId: 'acme', supplierKnown: false })
      .thenFails('organisation-unknown', 'supplierId');
  });

  it('a package is funded before it is contracted', () => {
    given(packageDecider, proposed(), validated)
      .when({ type: 'ContractPackage', supplierId: 'us', supplierKnown: true })
      .thenFails('package-status-invalid');
  });
});

describe('package: DispatchShipment', () => {
  it('a contracted package ships part of its lines', () => {
    given(packageDecider, ...CONTRACTED)
      .when({ type: 'DispatchShipment', shipmentId: 's1', lines: [q('interceptors', 4)] })
      .then([dispatched('s1', [q('interceptors', 4)])]);
  });

  it('a package ships only once it is contracted', () => {
    given(packageDecider, proposed(), validated, funded)
      .when({ type: 'DispatchShipment', shipmentId: 's1', lines: [q('interceptors', 4)] })
      .thenFails('package-status-invalid');
  });

  it('a shipment cannot carry more than the line orders', () => {
    given(packageDecider, ...CONTRACTED)
      .when({ type: 'DispatchShipment', shipmentId: 's1', lines: [q('launchers', 1), q('interceptors', 11)] })
      .thenFails('shipment-exceeds-ordered', 'lines[1].quantity');
  });

  it('shipments together cannot carry more than the line orders', () => {
    given(packageDecider, ...CONTRACTED, dispatched('s1', [q('interceptors', 8)]))
      .when({ type: 'DispatchShipment', shipmentId: 's2', lines: [q('interceptors', 3)] })
      .thenFails('shipment-exceeds-ordered', 'lines[0].quantity');
  });

  it('ships the rest of a line after an earlier shipment', () => {
    given(packageDecider, ...CONTRACTED, dispatched('s1', [q('interceptors', 8)]))
      .when({ type: 'DispatchShipment', shipmentId: 's2', lines: [q('interceptors', 2)] })
      .then([dispatched('s2', [q('interceptors', 2)])]);
  });

  it('ships after a partial receipt', () => {
    given(
      packageDecider,
      ...CONTRACTED,
      dispatched('s1', [q('interceptors', 8)]),
      received('r1', 's1', [q('interceptors', 8)], [2, 5]),
    )
      .when({ type: 'DispatchShipment', shipmentId: 's2', lines: [q('launchers', 2)] })
      .then([dispatched('s2', [q('launchers', 2)])]);
  });

  it('records a shipment once', () => {
    given(packageDecider, ...CONTRACTED, dispatched('s1', [q('interceptors', 1)]))
      .when({ type: 'DispatchShipment', shipmentId: 's1', lines: [q('interceptors', 1)] })
      .thenFails('shipment-already-recorded', 'shipmentId');
  });

  it('refuses a malformed shipment id', () => {
    given(packageDecider, ...CONTRACTED)
      .when({ type: 'DispatchShipment', shipmentId: 'Ship #1', lines: [q('interceptors', 1)] })
      .thenFails('id-invalid', 'shipmentId');
  });

  it('names at least one line', () => {
    given(packageDecider, ...CONTRACTED)
      .when({ type: 'DispatchShipment', shipmentId: 's1', lines: [] })
      .thenFails('quantities-required', 'lines');
  });

  it('ships only lines of the package', () => {
    given(packageDecider, ...CONTRACTED)
      .when({ type: 'DispatchShipment', shipmentId: 's1', lines: [q('tanks', 1)] })
      .thenFails('package-line-unknown', 'lines[0].lineId');
  });

  it('names each line once per shipment', () => {
    given(packageDecider, ...CONTRACTED)
      .when({ type: 'DispatchShipment', shipmentId: 's1', lines: [q('interceptors', 1), q('interceptors', 1)] })
      .thenFails('line-id-duplicated', 'lines[1].lineId');
  });

  it('a line of known quantity is shipped with a quantity', () => {
    given(packageDecider, ...CONTRACTED)
      .when({ type: 'DispatchShipment', shipmentId: 's1', lines: [q('interceptors', null)] })
      .thenFails('quantity-required', 'lines[0].quantity');
  });

  it('a shipped quantity is a whole number above zero', () => {
    given(packageDecider, ...CONTRACTED)
      .when({ type: 'DispatchShipment', shipmentId: 's1', lines: [q('interceptors', 0)] })
      .thenFails('quantity-must-be-positive-integer', 'lines[0].quantity');
  });

  it('a line of unknown quantity is shipped without one, as often as needed', () => {
    const components = line({ lineId: 'components', description: 'Patriot components' });
    const vague = [
      proposed({ lines: [components] }),
      validated,
      funded,
      contracted,
      dispatched('s1', [q('components', null)]),
    ];
    given(packageDecider, ...vague)
      .when({ type: 'DispatchShipment', shipmentId: 's2', lines: [{ lineId: 'components', quantity: null }] })
      .then([dispatched('s2', [q('components', null)])]);
    given(packageDecider, ...vague)
      .when({ type: 'DispatchShipment', shipmentId: 's2', lines: [q('components', 3)] })
      .thenFails('quantity-unknown-for-line', 'lines[0].quantity');
  });
});

describe('package: ConfirmReceipt and the delivered share', () => {
  it('a receipt cannot exceed what the shipment carried', () => {
    given(packageDecider, ...CONTRACTED, dispatched('s1', [q('interceptors', 4)]))
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('interceptors', 5)] })
      .thenFails('receipt-exceeds-shipped', 'lines[0].quantity');
  });

  it('receipts of one shipment together cannot exceed what it carried', () => {
    given(
      packageDecider,
      ...CONTRACTED,
      dispatched('s1', [q('interceptors', 4)]),
      received('r1', 's1', [q('interceptors', 3)], [3, 20]),
    )
      .when({ type: 'ConfirmReceipt', receiptId: 'r2', shipmentId: 's1', lines: [q('interceptors', 2)] })
      .thenFails('receipt-exceeds-shipped', 'lines[0].quantity');
  });

  it('a receipt names only lines that its shipment carried', () => {
    given(
      packageDecider,
      ...CONTRACTED,
      dispatched('s1', [q('interceptors', 4)]),
      dispatched('s2', [q('launchers', 2)]),
    )
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('launchers', 1)] })
      .thenFails('receipt-exceeds-shipped', 'lines[0].quantity');
  });

  it('a receipt is recorded against a shipment of this package', () => {
    given(packageDecider, ...SHIPPED_ALL)
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's9', lines: [q('interceptors', 1)] })
      .thenFails('shipment-unknown', 'shipmentId');
  });

  it('records a receipt once', () => {
    given(packageDecider, ...SHIPPED_ALL, received('r1', 's1', [q('interceptors', 1)], [1, 20]))
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('interceptors', 1)] })
      .thenFails('receipt-already-recorded', 'receiptId');
  });

  it('refuses a malformed receipt id', () => {
    given(packageDecider, ...SHIPPED_ALL)
      .when({ type: 'ConfirmReceipt', receiptId: 'R 1', shipmentId: 's1', lines: [q('interceptors', 1)] })
      .thenFails('id-invalid', 'receiptId');
  });

  it('nothing is received before something is shipped', () => {
    given(packageDecider, ...CONTRACTED)
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('interceptors', 1)] })
      .thenFails('package-status-invalid');
  });

  it('a receipt names its lines and their quantities', () => {
    given(packageDecider, ...SHIPPED_ALL)
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [] })
      .thenFails('quantities-required', 'lines');
    given(packageDecider, ...SHIPPED_ALL)
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('launchers', null)] })
      .thenFails('quantity-required', 'lines[0].quantity');
  });

  it('a receipt marked full needs every line of known quantity received in full', () => {
    given(packageDecider, ...SHIPPED_ALL)
      .when({
        type: 'ConfirmReceipt',
        receiptId: 'r1',
        shipmentId: 's1',
        lines: [q('interceptors', 10), q('launchers', 1)],
        full: true,
      })
      .thenFails('receipt-not-complete', 'full');
  });

  it('a receipt that completes every line delivers the package in full, even when not marked full', () => {
    given(packageDecider, ...SHIPPED_ALL)
      .when({
        type: 'ConfirmReceipt',
        receiptId: 'r1',
        shipmentId: 's1',
        lines: [q('interceptors', 10), q('launchers', 2)],
        full: false,
      })
      .then([received('r1', 's1', [q('interceptors', 10), q('launchers', 2)], [1, 1], true)]);
  });

  it('lines with values weigh by value in the delivered share', () => {
    const valued = proposed({
      lines: [
        line({ lineId: 'interceptors', quantity: 4, value: { amount: '300000000.00', currency: 'USD' } }),
        line({ lineId: 'launchers', quantity: 10, value: { amount: '100000000.00', currency: 'USD' } }),
      ],
    });
    const shipped = [
      valued,
      validated,
      funded,
      contracted,
      dispatched('s1', [q('interceptors', 4), q('launchers', 10)]),
    ];
    // 2 of 4 interceptors worth 3/4 of the value: 3/4 × 1/2 = 3/8
    given(packageDecider, ...shipped)
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('interceptors', 2)] })
      .then([received('r1', 's1', [q('interceptors', 2)], [3, 8])]);
    // + 5 of 10 launchers worth 1/4: 3/8 + 1/8 = 1/2
    given(packageDecider, ...shipped, received('r1', 's1', [q('interceptors', 2)], [3, 8]))
      .when({ type: 'ConfirmReceipt', receiptId: 'r2', shipmentId: 's1', lines: [q('launchers', 5)] })
      .then([received('r2', 's1', [q('launchers', 5)], [1, 2])]);
    // 3 of 4 interceptors worth 3/4 of the value: 3/4 × 3/4 = 9/16 (it would be 3/8 with equal weights)
    given(packageDecider, ...shipped)
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('interceptors', 3)] })
      .then([received('r1', 's1', [q('interceptors', 3)], [9, 16])]);
  });

  it('lines weigh equally when any line has no value', () => {
    const mixed = proposed({
      lines: [
        line({ lineId: 'interceptors', quantity: 4, value: { amount: '300000000.00', currency: 'USD' } }),
        line({ lineId: 'launchers', quantity: 10 }),
      ],
    });
    given(packageDecider, mixed, validated, funded, contracted, dispatched('s1', [q('interceptors', 4)]))
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('interceptors', 2)] })
      .then([received('r1', 's1', [q('interceptors', 2)], [1, 4])]);
  });

  it('a line of unknown quantity counts only once the recipient confirms the package fully received', () => {
    const vague = proposed({
      lines: [
        line({ lineId: 'interceptors', quantity: 10 }),
        line({ lineId: 'components', description: 'Patriot components' }),
      ],
    });
    const shipped = [
      vague,
      validated,
      funded,
      contracted,
      dispatched('s1', [q('interceptors', 10), q('components', null)]),
    ];

    // half of the interceptors: 1/2 of one of two lines = 1/4
    given(packageDecider, ...shipped)
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('interceptors', 5)] })
      .then([received('r1', 's1', [q('interceptors', 5)], [1, 4])]);

    // every interceptor and the components consignment, not marked full: the unknown line still counts for nothing
    given(packageDecider, ...shipped)
      .when({
        type: 'ConfirmReceipt',
        receiptId: 'r1',
        shipmentId: 's1',
        lines: [q('interceptors', 10), q('components', null)],
      })
      .then([received('r1', 's1', [q('interceptors', 10), q('components', null)], [1, 2])]);

    // the same, marked full by the recipient: delivered
    given(packageDecider, ...shipped)
      .when({
        type: 'ConfirmReceipt',
        receiptId: 'r1',
        shipmentId: 's1',
        lines: [q('interceptors', 10), q('components', null)],
        full: true,
      })
      .then([received('r1', 's1', [q('interceptors', 10), q('components', null)], [1, 1], true)]);

    // a consignment of unknown quantity is received once per shipment
    given(packageDecider, ...shipped, received('r1', 's1', [q('components', null)], [0, 1]))
      .when({ type: 'ConfirmReceipt', receiptId: 'r2', shipmentId: 's1', lines: [q('components', null)] })
      .thenFails('receipt-exceeds-shipped', 'lines[0].quantity');

    // and is received without a quantity
    given(packageDecider, ...shipped)
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('components', 1)] })
      .thenFails('quantity-unknown-for-line', 'lines[0].quantity');
  });

  // DOMAIN BUG (reported): once every quantified line and each unknown-quantity consignment has been received without
  // `full`, no receipt can confirm the package in full: every line is refused as receipt-exceeds-shipped and an empty
  // list as quantities-required, so the package stays partially delivered unless a shipment that never happened is
  // recorded. A confirmation of full receipt that names no lines should be accepted.
  it('the recipient can still confirm full receipt after everything shipped has been received', () => {
    const vague = proposed({ lines: [line({ lineId: 'interceptors', quantity: 10 }), line({ lineId: 'components' })] });
    const everything = [q('interceptors', 10), q('components', null)];
    given(
      packageDecider,
      vague,
      validated,
      funded,
      contracted,
      dispatched('s1', everything),
      received('r1', 's1', everything, [1, 2]),
    )
      .when({ type: 'ConfirmReceipt', receiptId: 'r2', shipmentId: 's1', lines: [], full: true })
      .then([received('r2', 's1', [], [1, 1], true)]);
  });

  it('a package of unknown quantities is delivered when the recipient confirms it full', () => {
    const vague = proposed({ lines: [line({ lineId: 'components' })] });
    given(packageDecider, vague, validated, funded, contracted, dispatched('s1', [q('components', null)]))
      .when({ type: 'ConfirmReceipt', receiptId: 'r1', shipmentId: 's1', lines: [q('components', null)], full: true })
      .then([received('r1', 's1', [q('components', null)], [1, 1], true)]);
  });
});

describe('package: ClosePackage', () => {
  const DELIVERED = [...SHIPPED_ALL, received('r1', 's1', [q('interceptors', 10), q('launchers', 2)], [1, 1], true)];

  it('a delivered package is closed', () => {
    given(packageDecider, ...DELIVERED)
      .when({ type: 'ClosePackage' })
      .then([{ type: 'PackageClosed', data: {} }]);
  });

  it('a partially delivered package cannot be closed', () => {
    given(packageDecider, ...SHIPPED_ALL, received('r1', 's1', [q('interceptors', 10)], [1, 2]))
      .when({ type: 'ClosePackage' })
      .thenFails('package-status-invalid');
  });

  it('a closed package takes no further commands', () => {
    const closed: PackageEvent[] = [...DELIVERED, { type: 'PackageClosed', data: {} }];
    given(packageDecider, ...closed)
      .when({ type: 'CancelPackage', reason: 'late' })
      .thenFails('package-already-closed');
    given(packageDecider, ...closed)
      .when({ type: 'DispatchShipment', shipmentId: 's2', lines: [q('interceptors', 1)] })
      .thenFails('package-already-closed');
  });

  it('a delivered package takes no further shipments or receipts', () => {
    given(packageDecider, ...DELIVERED)
      .when({ type: 'DispatchShipment', shipmentId: 's2', lines: [q('interceptors', 1)] })
      .thenFails('package-status-invalid');
    given(packageDecider, ...DELIVERED)
      .when({ type: 'ConfirmReceipt', receiptId: 'r2', shipmentId: 's1', lines: [q('interceptors', 1)] })
      .thenFails('package-status-invalid');
  });
});

describe('package: CancelPackage', () => {
  it.each([
    ['proposed', [proposed()]],
    ['validated', [proposed(), validated]],
    ['funded', [proposed(), validated, funded]],
    ['contracted', CONTRACTED],
  ])('a %s package can be cancelled, with its reason', (_status, history) => {
    given(packageDecider, ...history)
      .when({ type: 'CancelPackage', reason: '  merged into package 2 ' })
      .then([cancelled]);
  });

  it('a package cannot be cancelled once goods have been shipped', () => {
    given(packageDecider, ...SHIPPED_ALL)
      .when({ type: 'CancelPackage', reason: 'late' })
      .thenFails('package-already-shipped');
    given(packageDecider, ...SHIPPED_ALL, received('r1', 's1', [q('interceptors', 1)], [1, 20]))
      .when({ type: 'CancelPackage', reason: 'late' })
      .thenFails('package-already-shipped');
  });

  it('a cancellation says why', () => {
    given(packageDecider, proposed())
      .when({ type: 'CancelPackage', reason: '  ' })
      .thenFails('reason-required', 'reason');
  });

  it('a cancelled package takes no further commands', () => {
    given(packageDecider, proposed(), cancelled)
      .when({ type: 'ValidatePackage', coordinatorId: 'nsatu' })
      .thenFails('package-cancelled');
    given(packageDecider, ...CONTRACTED, cancelled)
      .when({ type: 'DispatchShipment', shipmentId: 's1', lines: [q('interceptors', 1)] })
      .thenFails('package-cancelled');
    given(packageDecider, proposed(), cancelled)
      .when({ type: 'CancelPackage', reason: 'again' })
      .thenFails('package-cancelled');
  });

  it('a package that does not exist cannot be cancelled', () => {
    given(packageDecider).when({ type: 'CancelPackage', reason: 'x' }).thenFails('package-unknown');
  });
});

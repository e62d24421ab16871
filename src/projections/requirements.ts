import { unreachable } from '../domain/decider.ts';
import type { PriorityListEvent } from '../domain/priority-list/priority-list.ts';
import type { RequirementEvent } from '../domain/requirement/requirement.ts';
import type { StoredEvent } from '../ledger/event.ts';
import { entityId, type Tx } from './context.ts';

export async function projectRequirement(tx: Tx, stored: StoredEvent, event: RequirementEvent): Promise<void> {
  const id = entityId(stored);
  switch (event.type) {
    case 'RequirementListed': {
      const d = event.data;
      await tx
        .insertInto('rm_requirements')
        .values({
          id: d.id,
          recipient_id: d.recipientId,
          title: JSON.stringify(d.title),
          category: d.category,
          quantity: d.quantity,
          unit: d.unit,
          estimated_amount: d.estimatedValue?.amount ?? null,
          estimated_currency: d.estimatedValue?.currency ?? null,
          priority_rank: d.priorityRank,
          status: 'listed',
          visibility: d.visibility,
          listed_on: stored.meta.occurredOn,
        })
        .execute();
      return;
    }
    case 'RequirementAmended': {
      const d = event.data;
      await tx
        .updateTable('rm_requirements')
        .set({
          ...(d.title ? { title: JSON.stringify(d.title) } : {}),
          ...(d.category ? { category: d.category } : {}),
          ...(d.quantity !== undefined ? { quantity: d.quantity } : {}),
          ...(d.unit !== undefined ? { unit: d.unit } : {}),
          ...(d.estimatedValue !== undefined
            ? {
                estimated_amount: d.estimatedValue?.amount ?? null,
                estimated_currency: d.estimatedValue?.currency ?? null,
              }
            : {}),
        })
        .where('id', '=', id)
        .execute();
      return;
    }
    case 'RequirementReprioritised':
      await tx
        .updateTable('rm_requirements')
        .set({ priority_rank: event.data.priorityRank })
        .where('id', '=', id)
        .execute();
      return;
    case 'RequirementWithdrawn':
      await tx.updateTable('rm_requirements').set({ status: 'withdrawn' }).where('id', '=', id).execute();
      return;
    default:
      unreachable(event);
  }
}

export async function projectPriorityList(tx: Tx, stored: StoredEvent, event: PriorityListEvent): Promise<void> {
  switch (event.type) {
    case 'PriorityListDrafted': {
      const { recipientId, period, requirementIds } = event.data;
      await tx
        .insertInto('rm_priority_lists')
        .values({
          recipient_id: recipientId,
          period,
          status: 'draft',
          requirement_ids: [...requirementIds],
          approvals: [],
          visibility: stored.meta.visibility,
        })
        .onConflict((oc) =>
          oc.columns(['recipient_id', 'period']).doUpdateSet({ requirement_ids: [...requirementIds] }),
        )
        .execute();
      return;
    }
    case 'PriorityListApproved': {
      const [recipientId = '', period = ''] = entityId(stored).split(':');
      const row = await tx
        .selectFrom('rm_priority_lists')
        .select('approvals')
        .where('recipient_id', '=', recipientId)
        .where('period', '=', period)
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('rm_priority_lists')
        .set({ status: 'approved', approvals: [...row.approvals, event.data.approverId] })
        .where('recipient_id', '=', recipientId)
        .where('period', '=', period)
        .execute();
      return;
    }
    default:
      unreachable(event);
  }
}

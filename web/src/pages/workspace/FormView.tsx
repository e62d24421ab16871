/** One form of the workspace, by its id (loaded with the forms, apart from the portal's pages). */
import type { ComponentType } from 'react';
import {
  AmendContributionForm,
  CommitContributionForm,
  PledgeForm,
  RecordPaymentForm,
  WithdrawContributionForm,
} from './contribution-forms.tsx';
import { ConfirmReceiptForm, DispatchShipmentForm } from './delivery-forms.tsx';
import { AdoptFigureForm, LinkClaimForm } from './figure-forms.tsx';
import type { FormId } from './forms.ts';
import { ProposePackageForm } from './ProposePackageForm.tsx';
import {
  CancelPackageForm,
  ClosePackageForm,
  ContractPackageForm,
  FundPackageForm,
  ValidatePackageForm,
} from './package-forms.tsx';
import { ApprovePriorityListForm, DraftPriorityListForm } from './priority-list-forms.tsx';
import {
  AmendRequirementForm,
  ListRequirementForm,
  ReprioritiseRequirementForm,
  WithdrawRequirementForm,
} from './requirement-forms.tsx';
import { RecordClaimForm, RecordSourceForm } from './source-forms.tsx';

const FORM_COMPONENTS: Readonly<Record<FormId, ComponentType>> = {
  'list-requirement': ListRequirementForm,
  'reprioritise-requirement': ReprioritiseRequirementForm,
  'amend-requirement': AmendRequirementForm,
  'withdraw-requirement': WithdrawRequirementForm,
  'draft-priority-list': DraftPriorityListForm,
  'approve-priority-list': ApprovePriorityListForm,
  'confirm-receipt': ConfirmReceiptForm,
  'propose-package': ProposePackageForm,
  'validate-package': ValidatePackageForm,
  'fund-package': FundPackageForm,
  'contract-package': ContractPackageForm,
  'dispatch-shipment': DispatchShipmentForm,
  'cancel-package': CancelPackageForm,
  'close-package': ClosePackageForm,
  pledge: PledgeForm,
  'commit-contribution': CommitContributionForm,
  'record-payment': RecordPaymentForm,
  'amend-contribution': AmendContributionForm,
  'withdraw-contribution': WithdrawContributionForm,
  'record-source': RecordSourceForm,
  'record-claim': RecordClaimForm,
  'link-claim': LinkClaimForm,
  'adopt-figure': AdoptFigureForm,
};

export function FormView({ id }: { id: FormId }) {
  const Form = FORM_COMPONENTS[id];
  // A new form for each id, so nothing typed in one is carried into another.
  return <Form key={id} />;
}

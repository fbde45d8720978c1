import { Button } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';
import { FormDialog } from './form-dialog';
import { useMutationDialog } from './use-mutation-dialog';
import {
  NO_VENTURE_DETAILS,
  VENTURE_DETAIL_FIELDS,
  type VentureDetails,
  VentureDetailsFields,
  ventureDetailsInput,
  ventureDetailsProblems,
} from './venture-details-fields';

const UpdateVentureMutation = graphql(`
  mutation UpdateVenture($input: UpdateVentureInput!) {
    updateVenture(input: $input) {
      venture {
        id
        name
        sector
        description
        province
        coach {
          id
          displayName
        }
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

/** The venture as the page shows it: what the form starts from. */
export interface EditableVenture {
  id: string;
  name: string;
  sector: string;
  description?: string | null;
  province?: string | null;
  coach?: { id: string } | null;
}

/**
 * Staff correct a venture's name, sector, description or province, or hand it to another coach
 * (a coach leaves, a load is rebalanced): the new coach sees it at once, the former one no longer.
 */
export function EditVentureButton({ venture }: { venture: EditableVenture }) {
  const t = useT();
  const dialog = useMutationDialog();
  const [details, setDetails] = useState<VentureDetails>(NO_VENTURE_DETAILS);
  const [state, update] = useMutation(UpdateVentureMutation);

  const open = () => {
    setDetails({
      name: venture.name,
      sector: venture.sector,
      description: venture.description ?? '',
      province: venture.province ?? '',
      coachUserId: venture.coach?.id ?? null,
    });
    dialog.open(true);
  };

  const onSubmit = async () => {
    if (dialog.refused(ventureDetailsProblems(details))) return;
    const result = await update({ input: { id: venture.id, ...ventureDetailsInput(details) } });
    dialog.accepted(result.data?.updateVenture, result.error, VENTURE_DETAIL_FIELDS);
  };

  return (
    <>
      <Button variant="default" size="xs" onClick={open} data-testid="edit-venture">
        {t('venture.edit')}
      </Button>
      <FormDialog
        dialog={dialog}
        title={t('venture.editTitle')}
        submitLabel={t('common.save')}
        fetching={state.fetching}
        onSubmit={onSubmit}
      >
        <VentureDetailsFields value={details} onChange={setDetails} err={dialog.err} />
      </FormDialog>
    </>
  );
}

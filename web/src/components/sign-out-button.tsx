import { Button, type ButtonProps } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useApi } from '../api/api-provider';
import { graphql } from '../gql';
import { useT } from '../i18n/use-t';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      signedOut
      errors {
        code
      }
    }
  }
`);

export function SignOutButton(props: ButtonProps) {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const [state, signOut] = useMutation(SignOutMutation);
  const onClick = async () => {
    const result = await signOut({});
    // Offline: the cookie is still there, so keep the session; the offline banner says why.
    if (result.error?.networkError) return;
    api.signedOut();
    navigate('/sign-in?reason=signedOut', { replace: true });
  };
  return (
    <Button variant="default" loading={state.fetching} onClick={onClick} {...props}>
      {t('shell.signOut')}
    </Button>
  );
}

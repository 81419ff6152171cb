'use client';
// Staff: who can sign in, with which role. Add people, change a PIN or role, deactivate someone
// (they are signed out everywhere at once). The server keeps at least one active manager.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/kitchen/confirm-dialog';
import { cn } from '@/components/ui/cn';
import { pinFits, pinRuleText } from '@/lib/auth/pins';
import { sendJson } from '@/lib/client/fetch';
import { managerKeys, staffQuery } from '@/lib/client/queries';
import type { StaffView } from '@/lib/client/schemas';
import { Button, Card, LoadError, Loading, Notice, PageHeader, Segmented, TextField } from './ui';

type Role = StaffView['role'];
const ROLES = [
  { value: 'kitchen', label: 'Kitchen' },
  { value: 'manager', label: 'Manager' },
] as const satisfies ReadonlyArray<{ value: Role; label: string }>;
type Message = { tone: 'error' | 'ok'; text: string } | null;

function useStaffChange(onDone: (text: string) => void, onFail: (text: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (v: {
      member: StaffView;
      change: { name?: string; role?: Role; pin?: string; active?: boolean };
      done: string;
    }) => {
      const res = await sendJson('PUT', `/api/manager/staff/${encodeURIComponent(v.member.id)}`, v.change);
      if (!res.ok) throw new Error(res.error.message);
      return v.done;
    },
    onSuccess: onDone,
    onError: (err) => onFail(err.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: managerKeys.staff() }),
  });
}

function PinForm({
  member,
  reactivate,
  onSubmit,
  onCancel,
  busy,
}: {
  member: StaffView;
  reactivate: boolean;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const [pin, setPin] = useState('');
  return (
    <form
      className="mt-3 flex flex-wrap items-end gap-3 rounded-xl bg-zinc-950/60 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (pinFits(pin, member.role)) onSubmit(pin);
      }}
    >
      <TextField
        label={reactivate ? `New PIN to bring ${member.name} back` : `New PIN for ${member.name}`}
        value={pin}
        onChange={(v) => setPin(v.replace(/\D/g, ''))}
        type="password"
        inputMode="numeric"
        maxLength={8}
        autoComplete="new-password"
        className="w-72"
      />
      <Button type="submit" tone="primary" disabled={!pinFits(pin, member.role) || busy}>
        {reactivate ? 'Reactivate' : 'Save PIN'}
      </Button>
      <Button onClick={onCancel}>Cancel</Button>
      <p className="w-full text-sm text-zinc-400">4 to 8 digits, different from everyone else&apos;s.</p>
    </form>
  );
}

function MemberRow({ member, you, setMessage }: { member: StaffView; you: boolean; setMessage: (m: Message) => void }) {
  const [pinFor, setPinFor] = useState<'change' | 'reactivate' | null>(null);
  const [confirming, setConfirming] = useState<'deactivate' | 'sign-out' | null>(null);
  const signOut = useMutation({
    mutationFn: async () => {
      const res = await sendJson<{ ended: number }>(
        'DELETE',
        `/api/manager/staff/${encodeURIComponent(member.id)}/sessions`,
      );
      if (!res.ok) throw new Error(res.error.message);
      return res.data.ended;
    },
    onSuccess: (ended) =>
      setMessage({
        tone: 'ok',
        text: `${member.name} is signed out on ${ended === 1 ? '1 device' : `${ended} devices`}.`,
      }),
    onError: (err) => setMessage({ tone: 'error', text: err.message }),
  });
  const change = useStaffChange(
    (text) => {
      setPinFor(null);
      setMessage({ tone: 'ok', text });
    },
    (text) => setMessage({ tone: 'error', text }),
  );
  const other: Role = member.role === 'manager' ? 'kitchen' : 'manager';
  return (
    <li
      data-testid={`staff-${member.id}`}
      aria-label={member.name}
      className={cn('px-4 py-3', !member.active && 'bg-zinc-950/60')}
    >
      <div className="flex flex-wrap items-center gap-3">
        <span
          aria-hidden
          className={cn(
            'grid h-11 w-11 shrink-0 place-items-center rounded-full text-lg font-black',
            member.active ? 'bg-violet-600/30 text-violet-100' : 'bg-zinc-800 text-zinc-400',
          )}
        >
          {member.name.slice(0, 1).toUpperCase()}
        </span>
        <div className="min-w-40 flex-1">
          <p className={cn('text-lg font-bold', !member.active && 'text-zinc-400 line-through')}>
            {member.name}{' '}
            {you && (
              <span className="ml-1 rounded-md bg-zinc-800 px-2 py-0.5 text-sm font-semibold text-zinc-300 no-underline">
                you
              </span>
            )}
          </p>
          <p className="text-sm text-zinc-400">
            <span className={cn('font-semibold', member.role === 'manager' ? 'text-amber-300' : 'text-sky-300')}>
              {member.role === 'manager' ? 'Manager' : 'Kitchen'}
            </span>
            {' · '}
            {member.active ? 'Can sign in' : 'Deactivated'}
          </p>
        </div>
        {member.active ? (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => setPinFor(pinFor === 'change' ? null : 'change')}>Change PIN</Button>
            <Button
              disabled={change.isPending}
              onClick={() =>
                change.mutate({
                  member,
                  change: { role: other },
                  done: `${member.name} is now ${other === 'manager' ? 'a manager' : 'kitchen staff'}.`,
                })
              }
            >
              {other === 'manager' ? 'Make manager' : 'Make kitchen'}
            </Button>
            <Button disabled={signOut.isPending} onClick={() => setConfirming('sign-out')}>
              Sign out everywhere
            </Button>
            <Button tone="danger" onClick={() => setConfirming('deactivate')}>
              Deactivate
            </Button>
          </div>
        ) : (
          <Button tone="success" onClick={() => setPinFor(pinFor === 'reactivate' ? null : 'reactivate')}>
            Reactivate
          </Button>
        )}
      </div>
      {pinFor && (
        <PinForm
          member={member}
          reactivate={pinFor === 'reactivate'}
          busy={change.isPending}
          onCancel={() => setPinFor(null)}
          onSubmit={(pin) =>
            change.mutate({
              member,
              change: pinFor === 'reactivate' ? { pin, active: true } : { pin },
              done:
                pinFor === 'reactivate'
                  ? `${member.name} can sign in again with the new PIN.`
                  : `${member.name}'s PIN is changed.`,
            })
          }
        />
      )}
      {confirming === 'sign-out' && (
        <ConfirmDialog
          title={`Sign ${member.name} out everywhere?`}
          body={
            you
              ? 'Every screen you are signed in on, this one included, goes back to the sign-in page.'
              : `Every screen ${member.name} is signed in on goes back to the sign-in page. Their PIN still works.`
          }
          confirmLabel="Sign out everywhere"
          cancelLabel="Keep"
          onClose={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            signOut.mutate();
          }}
        />
      )}
      {confirming === 'deactivate' && (
        <ConfirmDialog
          title={`Deactivate ${member.name}?`}
          body={
            you
              ? 'You will be signed out everywhere, this screen included.'
              : `${member.name} is signed out on every screen and can no longer sign in. You can bring them back later with a new PIN.`
          }
          confirmLabel="Deactivate"
          cancelLabel="Keep"
          onClose={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            change.mutate({ member, change: { active: false }, done: `${member.name} is deactivated and signed out.` });
          }}
        />
      )}
    </li>
  );
}

export function StaffPanel() {
  const queryClient = useQueryClient();
  const staff = useQuery(staffQuery());
  const [message, setMessage] = useState<Message>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('kitchen');
  const [pin, setPin] = useState('');

  const add = useMutation({
    mutationFn: async () => {
      const res = await sendJson('POST', '/api/manager/staff', { name, role, pin });
      if (!res.ok) throw new Error(res.error.message);
      return name.trim();
    },
    onSuccess: (added) => {
      setMessage({ tone: 'ok', text: `${added} can now sign in with their PIN.` });
      setName('');
      setPin('');
    },
    onError: (err) => setMessage({ tone: 'error', text: err.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: managerKeys.staff() }),
  });

  const list = staff.data?.staff ?? [];
  return (
    <>
      <PageHeader title="Staff">
        Everyone signs in with their name and their own PIN. Kitchen staff run the kitchen screen and can 86 items;
        managers can do everything here.
      </PageHeader>

      <Card title="Add someone">
        <form
          className="flex flex-wrap items-end gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <TextField
            label="Name"
            value={name}
            onChange={setName}
            placeholder="e.g. Jordan"
            maxLength={40}
            className="min-w-56 flex-1"
          />
          <Segmented label="Role" value={role} options={ROLES} onChange={setRole} className="w-64" />
          <TextField
            label={`PIN (${pinRuleText(role).replace(' to ', '–')})`}
            value={pin}
            onChange={(v) => setPin(v.replace(/\D/g, ''))}
            type="password"
            inputMode="numeric"
            maxLength={8}
            autoComplete="new-password"
            className="w-48"
          />
          <Button type="submit" tone="primary" disabled={name.trim() === '' || !pinFits(pin, role) || add.isPending}>
            {add.isPending ? 'Adding…' : 'Add'}
          </Button>
        </form>
      </Card>

      {message && (
        <div className="mt-4">
          <Notice tone={message.tone} testId="staff-message">
            {message.text}
          </Notice>
        </div>
      )}

      <div className="mt-6">
        {staff.isPending && <Loading what="staff" />}
        {staff.isError && <LoadError error={staff.error} retry={() => void staff.refetch()} />}
        {staff.data && (
          <ul
            aria-label="Staff members"
            className="divide-y divide-zinc-800 overflow-hidden rounded-2xl border border-zinc-800 bg-zinc-900/50"
          >
            {list.map((m) => (
              <MemberRow key={m.id} member={m} you={m.id === staff.data.you} setMessage={setMessage} />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

import type { ReactNode } from 'react';
import type { ApprovalPreview as Preview } from '../../../../shared';

/**
 * The action as it will go out, field by field, so the person reads exactly what they agree to.
 * Everything is plain text: a body is never rendered as HTML or Markdown, whoever wrote it.
 */
export function ApprovalPreview({ preview, label }: { preview: Preview; label: string }) {
  return (
    <div className={`approval-preview approval-preview--${preview.kind}`} role="group" aria-label={label}>
      <dl className="approval-preview__rows">{rows(preview)}</dl>
      {'body' in preview || preview.kind === 'slack' ? (
        <div className="approval-preview__body">
          <span className="visually-hidden">{preview.kind === 'slack' ? 'Message' : 'Body'}: </span>
          {preview.kind === 'slack' ? preview.text : preview.body || <em className="approval-preview__empty">No text</em>}
        </div>
      ) : null}
    </div>
  );
}

function rows(preview: Preview): ReactNode {
  switch (preview.kind) {
    case 'email':
      return (
        <>
          <Row label="From" value={preview.from ?? 'Your connected account'} />
          <Row label="To" value={preview.to.join(', ')} />
          {preview.cc.length > 0 ? <Row label="Cc" value={preview.cc.join(', ')} /> : null}
          {preview.bcc.length > 0 ? <Row label="Bcc" value={preview.bcc.join(', ')} /> : null}
          <Row label="Subject" value={preview.subject} />
        </>
      );
    case 'slack':
      return (
        <>
          <Row label="Workspace" value={preview.workspace ?? 'Your connected workspace'} />
          <Row label="Channel" value={preview.channel} />
        </>
      );
    case 'issue':
      return (
        <>
          <Row label="Service" value={preview.service === 'github' ? 'GitHub' : 'Linear'} />
          <Row label={preview.service === 'github' ? 'Repository' : 'Team'} value={preview.target} />
          <Row label="Title" value={preview.title} />
        </>
      );
    case 'fields':
      return preview.fields.map((field, i) => <Row key={`${field.label}-${i}`} label={field.label} value={field.value} />);
  }
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="approval-preview__row">
      <dt>{label}</dt>
      <dd>{value || <em className="approval-preview__empty">empty</em>}</dd>
    </div>
  );
}

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Field, Select } from './field';

describe('Field and Select', () => {
  it('name the control by its label, and describe it by its hint and its error', () => {
    render(
      <>
        <Field label="Instance name" hint="Unique in your team." error="Use at most 63 characters." />
        <Select label="Version" error="Choose a released version.">
          <option>1.4.0</option>
        </Select>
      </>,
    );
    const name = screen.getByRole('textbox', { name: 'Instance name' });
    expect(name).toHaveAccessibleDescription('Unique in your team. Use at most 63 characters.');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    const version = screen.getByRole('combobox', { name: 'Version' });
    expect(version).toHaveAccessibleDescription('Choose a released version.');
    expect(version).toHaveAttribute('aria-invalid', 'true');
  });

  it('mark nothing invalid, and describe only by the hint, without an error', () => {
    render(<Field label="Your registry" hint="Where your cluster pulls images from." />);
    const field = screen.getByRole('textbox', { name: 'Your registry' });
    expect(field).toHaveAccessibleDescription('Where your cluster pulls images from.');
    expect(field).not.toHaveAttribute('aria-invalid');
  });
});

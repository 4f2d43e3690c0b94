import { useCallback, useState } from 'react';
import { messageOf } from '../api/client';
import { saveFile } from './download';

/** Fetching a file from Outturn and saving it (a download in a browser): busy while it comes, then "Saved …" or why not. */
export function useFileSave() {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const [error, setError] = useState('');
  const save = useCallback(async (fetchFile: () => Promise<{ fileName: string; data: string }>) => {
    setBusy(true);
    setSaved('');
    setError('');
    try {
      const { fileName, data } = await fetchFile();
      saveFile(fileName, data);
      setSaved(`Saved ${fileName}`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, saved, error, save };
}

/** A file to send in a multipart upload's field "file". */
export interface UploadFile {
  name: string;
  type: string;
  content: Uint8Array;
}

const BOUNDARY = '----luodi-test-upload';

/** The body and content type of a multipart request carrying one file in field "file", as a browser sends it. */
export function multipartFile(file: UploadFile): { contentType: string; payload: Buffer } {
  return {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      Buffer.from(file.content),
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]),
  };
}

window.ran = true; // <b>bold</b>
